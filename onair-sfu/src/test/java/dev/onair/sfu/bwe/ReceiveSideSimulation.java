package dev.onair.sfu.bwe;

import java.util.ArrayDeque;

/**
 * Drives a {@link ReceiveSideEstimator} in 1 ms steps of manual time: a 30 fps video sender sends
 * min(REMB estimate, offered) bit/s in packets of at most 1200 bytes paced at 2.5 × that rate, stamped with a
 * 24-bit abs-send-time (starting at {@code firstTicks}, so a test can cross the 64 s wrap), through a drop-tail
 * bottleneck (capacity, 300 ms queue limit, 20 ms one way). The receiver's clock is offset from the sender's; the
 * sender reads the estimate as it was one propagation delay ago (the REMB's trip back).
 */
final class ReceiveSideSimulation extends MillisecondSimulation {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;
    static final long PROPAGATION_NANOS = 20 * MS;
    static final long QUEUE_LIMIT_NANOS = 300 * MS;
    static final long RECEIVER_OFFSET_NANOS = 5_555_000_000_321L;
    static final int MAX_PACKET_BYTES = 1200;
    static final long FRAME_INTERVAL_NANOS = SECOND / 30;

    private record Arrival(long atNanos, int absSendTime, int sizeBytes) {
    }

    final ReceiveSideEstimator estimator;
    private final ArrayDeque<Arrival> inFlight = new ArrayDeque<>();
    private final long[] estimateHistory = new long[(int) (PROPAGATION_NANOS / MS)];
    private final long firstTicks;
    private long capacityBps;
    private long offeredBps;
    private long nextFrameNanos;
    private long busyUntilNanos;
    private long maxQueueDelayNanos;
    private long sentBytes;

    ReceiveSideSimulation(BweConfig config, long capacityBps, long offeredBps, long firstTicks) {
        this.estimator = new ReceiveSideEstimator(config, RECEIVER_OFFSET_NANOS);
        this.capacityBps = capacityBps;
        this.offeredBps = offeredBps;
        this.firstTicks = firstTicks;
        java.util.Arrays.fill(estimateHistory, config.startBitrateBps());
    }

    void setCapacityBps(long capacityBps) {
        this.capacityBps = capacityBps;
    }

    void setOfferedBps(long offeredBps) {
        this.offeredBps = offeredBps;
    }

    /** Runs {@code nanos} and returns the mean estimate over it, sampled every 10 ms. */
    @Override
    void step() {
        while (!inFlight.isEmpty() && inFlight.peek().atNanos() <= nowNanos) {
            Arrival a = inFlight.poll();
            estimator.onPacket(a.absSendTime(), a.atNanos() + RECEIVER_OFFSET_NANOS, a.sizeBytes());
        }
        int slot = (int) ((nowNanos / MS) % estimateHistory.length);
        long rembAtSender = estimateHistory[slot]; // written one propagation delay ago
        estimateHistory[slot] = estimator.hasEstimate() ? estimator.estimateBps() : offeredBps;
        if (nowNanos >= nextFrameNanos) {
            nextFrameNanos += FRAME_INTERVAL_NANOS;
            sendFrame(Math.min(offeredBps, rembAtSender));
        }
    }

    private void sendFrame(long rateBps) {
        int frameBytes = (int) Math.max(1, rateBps / 8 / 30);
        long gapNanos = MAX_PACKET_BYTES * 8L * SECOND / Math.max(1, (long) (2.5 * rateBps));
        long sendNanos = nowNanos;
        while (frameBytes > 0) {
            int size = Math.min(MAX_PACKET_BYTES, frameBytes);
            frameBytes -= size;
            int ticks = (int) ((firstTicks + sendNanos * ReceiveSideEstimator.TICKS_PER_SECOND / SECOND)
                    & ReceiveSideEstimator.TICKS_MASK);
            long queueDelay = Math.max(0, busyUntilNanos - sendNanos);
            if (queueDelay <= QUEUE_LIMIT_NANOS) {
                maxQueueDelayNanos = Math.max(maxQueueDelayNanos, queueDelay);
                long departure = Math.max(sendNanos, busyUntilNanos) + size * 8L * SECOND / capacityBps;
                busyUntilNanos = departure;
                inFlight.add(new Arrival(departure + PROPAGATION_NANOS, ticks, size));
            }
            sentBytes += size;
            sendNanos += gapNanos;
        }
    }

    long maxQueueDelayNanos() {
        return maxQueueDelayNanos;
    }

    long sentBytes() {
        return sentBytes;
    }

    @Override
    long estimateBps() {
        return estimator.estimateBps();
    }
}
