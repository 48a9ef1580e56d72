package dev.onair.sfu.bwe;

import dev.onair.sfu.twcc.PacketResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A test bottleneck: optional seeded random loss, then a drop-tail FIFO (capacity in bit/s, queue limit in ms of
 * queueing delay), then a fixed one-way propagation delay. The receiver batches what it saw into feedback every
 * {@code feedbackIntervalNanos} (its clock is offset: only arrival differences mean anything), which reaches the
 * sender one propagation delay later. Packets must be sent in time order.
 */
final class SimulatedLink {
    static final long RECEIVER_CLOCK_OFFSET_NANOS = 7_777_000_000_123L;

    private record Sent(long seq, long sendNanos, int sizeBytes, boolean received, long arrivalNanos) {
    }

    private final long propagationNanos;
    private final long queueLimitNanos;
    private final long feedbackIntervalNanos;
    private final Random random;
    private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();
    private long capacityBps;
    private double lossFraction;
    private long busyUntilNanos;
    private long nextFeedbackNanos;
    private long randomDrops;
    private long queueDrops;
    private long maxQueueDelayNanos;

    SimulatedLink(long capacityBps, long propagationNanos, long queueLimitNanos, long feedbackIntervalNanos,
                  long seed) {
        this.capacityBps = capacityBps;
        this.propagationNanos = propagationNanos;
        this.queueLimitNanos = queueLimitNanos;
        this.feedbackIntervalNanos = feedbackIntervalNanos;
        this.random = new Random(seed);
        this.nextFeedbackNanos = feedbackIntervalNanos;
    }

    void setCapacityBps(long capacityBps) {
        this.capacityBps = capacityBps;
    }

    void setLossFraction(double lossFraction) {
        this.lossFraction = lossFraction;
    }

    void send(long seq, long sendNanos, int sizeBytes) {
        if (lossFraction > 0 && random.nextDouble() < lossFraction) {
            randomDrops++;
            inFlight.add(new Sent(seq, sendNanos, sizeBytes, false, -1));
            return;
        }
        long queueDelay = Math.max(0, busyUntilNanos - sendNanos);
        if (queueDelay > queueLimitNanos) {
            queueDrops++;
            inFlight.add(new Sent(seq, sendNanos, sizeBytes, false, -1));
            return;
        }
        maxQueueDelayNanos = Math.max(maxQueueDelayNanos, queueDelay);
        long departure = Math.max(sendNanos, busyUntilNanos) + sizeBytes * 8L * 1_000_000_000L / capacityBps;
        busyUntilNanos = departure;
        inFlight.add(new Sent(seq, sendNanos, sizeBytes, true, departure + propagationNanos));
    }

    /**
     * The feedback that reaches the sender by {@code nowNanos}, or null. It covers every packet up to the last one
     * received by the time the receiver wrote it; losses are known once a later packet arrived.
     */
    List<PacketResult> pollFeedback(long nowNanos) {
        if (nowNanos < nextFeedbackNanos + propagationNanos) {
            return null;
        }
        long writtenAt = nextFeedbackNanos;
        nextFeedbackNanos += feedbackIntervalNanos;
        int covered = 0;
        int index = 0;
        for (Sent s : inFlight) {
            index++;
            if (s.received()) {
                if (s.arrivalNanos() > writtenAt) {
                    break;
                }
                covered = index;
            }
        }
        if (covered == 0) {
            return null;
        }
        List<PacketResult> out = new ArrayList<>(covered);
        for (int i = 0; i < covered; i++) {
            Sent s = inFlight.poll();
            long arrival = s.received() ? s.arrivalNanos() + RECEIVER_CLOCK_OFFSET_NANOS : -1;
            out.add(new PacketResult(s.seq(), s.sendNanos(), s.sizeBytes(), s.received(), arrival));
        }
        return out;
    }

    long rttMillis() {
        return 2 * propagationNanos / 1_000_000L;
    }

    long randomDrops() {
        return randomDrops;
    }

    long queueDrops() {
        return queueDrops;
    }

    long maxQueueDelayNanos() {
        return maxQueueDelayNanos;
    }
}
