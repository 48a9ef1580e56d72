package dev.onair.sfu.pacer;

import dev.onair.sfu.queue.PacketOwner;
import dev.onair.sfu.queue.SlotRing;
import dev.onair.sfu.queue.SubscriberQueue;

/**
 * The send step of one subscriber: takes packets from its {@link SubscriberQueue}, the priority lane (audio)
 * first and unpaced, then the retransmission lane (resent video) and then the paced lane (video, padding) while the
 * {@link Pacer} allows: a resend never waits behind new video, as in libwebrtc's pacer. A paced packet that waited longer than
 * the bound is dropped, counted and reported; so is one its {@link PacketOwner} declared superseded (video of a
 * simulcast layer left for another: the receiver restarts at the new layer's keyframe, which would otherwise wait
 * behind it — at a 1 Mbit/s cap, up to the stale bound) once it has waited {@link #SUPERSEDED_MIN_WAIT_NANOS}. Every packet sent counts against the pacer's budget and into the
 * {@link QueueDelayStats}. Media loop only; allocation-free.
 */
public final class PacedDrain {
    /** {@link Sink#send} result: sent without a transport-wide sequence number. */
    public static final long UNSTAMPED = -1;
    /** {@link Sink#send} result: the socket refused the packet. */
    public static final long NOT_SENT = -2;

    /** Where the packets go: the session's encrypt-and-send step. */
    public interface Sink {
        /** False when the socket cannot take more now (the drain stops; the rest waits). */
        boolean writable();

        /**
         * Sends the head packet of {@code lane} (without popping it). Returns the transport-wide sequence number it
         * went out with, {@link #UNSTAMPED} when it went out without one, or {@link #NOT_SENT}.
         */
        long send(SlotRing lane, long nowNanos);
    }

    private final Pacer pacer;
    private final QueueDelayStats delays = new QueueDelayStats();
    private long maxQueueDelayNanos;
    private long supersededDrops;
    /**
     * A superseded packet is dropped only once it has waited this long: one that goes out sooner still completes a
     * frame the receiver shows before the new keyframe, and dropping it would leave a sequence gap at the switch
     * (its number is already given). Under a collapsing estimate the old layer's packets wait far longer.
     */
    static final long SUPERSEDED_MIN_WAIT_NANOS = 50_000_000L;
    private StaleDropListener staleDropListener;
    private ProbeSentListener probeSentListener;

    public PacedDrain(PacerConfig config) {
        this.pacer = new Pacer(config.initialRateBps(), config.burstNanos());
        this.maxQueueDelayNanos = config.maxQueueDelayMillis() * 1_000_000L;
    }

    public Pacer pacer() {
        return pacer;
    }

    public QueueDelayStats delays() {
        return delays;
    }

    /** Packets dropped unsent because their owner declared them superseded ({@link PacketOwner}). */
    public long supersededDrops() {
        return supersededDrops;
    }

    public void setMaxQueueDelayMillis(long millis) {
        maxQueueDelayNanos = Math.max(1, millis) * 1_000_000L;
    }

    public long maxQueueDelayMillis() {
        return maxQueueDelayNanos / 1_000_000L;
    }

    public void setStaleDropListener(StaleDropListener listener) {
        this.staleDropListener = listener;
    }

    /** Told of each packet of a probe cluster that was sent. */
    public void setProbeSentListener(ProbeSentListener listener) {
        this.probeSentListener = listener;
    }

    /**
     * Sends up to {@code budget} packets (stale drops included in the count). Returns true when packets remain
     * (the pacer holds them, the socket was not writable or the budget ran out).
     */
    public boolean drain(SubscriberQueue queue, int budget, long nowNanos, Sink sink) {
        SlotRing priority = queue.priorityLane();
        SlotRing resends = queue.retransmissionLane();
        SlotRing paced = queue.pacedLane();
        for (int n = 0; n < budget; n++) {
            SlotRing lane;
            if (!priority.isEmpty()) {
                lane = priority;
            } else if (!resends.isEmpty() || !paced.isEmpty()) {
                lane = resends.isEmpty() ? paced : resends;
                if (lane.headOwner() instanceof PacketOwner o && lane.headEnqueuedNanos() < o.supersededBeforeNanos()
                        && nowNanos - lane.headEnqueuedNanos() > SUPERSEDED_MIN_WAIT_NANOS) {
                    lane.pop();
                    supersededDrops++;
                    continue;
                }
                long waited = nowNanos - lane.headEnqueuedNanos();
                if (waited > maxQueueDelayNanos) {
                    dropStale(lane, waited, nowNanos);
                    continue;
                }
                if (!pacer.mayRelease(lane.headLength(), nowNanos)) {
                    return true;
                }
            } else {
                return false;
            }
            if (!sink.writable()) {
                return true;
            }
            int len = lane.headLength();
            long transportSeq = sink.send(lane, nowNanos);
            int cluster = lane.headProbeClusterId();
            ProbeSentListener l = probeSentListener;
            if (transportSeq != NOT_SENT && cluster != SubscriberQueue.NO_PROBE && l != null) {
                l.onProbeSent(transportSeq, cluster, len, nowNanos);
            }
            pacer.onReleased(len, nowNanos);
            delays.onSent(nowNanos - lane.headEnqueuedNanos(), nowNanos);
            lane.pop();
        }
        return !queue.isEmpty();
    }

    private void dropStale(SlotRing lane, long waitedNanos, long nowNanos) {
        Object owner = lane.headOwner();
        lane.pop();
        delays.onStaleDrop();
        StaleDropListener l = staleDropListener;
        if (l != null) {
            l.onStaleDrop(owner, waitedNanos, nowNanos);
        }
    }
}
