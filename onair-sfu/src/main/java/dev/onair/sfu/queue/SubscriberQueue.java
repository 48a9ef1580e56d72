package dev.onair.sfu.queue;

/**
 * One subscriber's bounded queue of rewritten, not yet encrypted packets, in three lanes of reusable slots
 * ({@link SlotRing}): a {@link Lane#PRIORITY} lane for audio, always sent first and not paced, a
 * {@link Lane#RETRANSMISSION} lane for resent video and a {@link Lane#PACED} lane for video and padding, both
 * released at the pacer's rate, resends first (libwebrtc's pacer order: audio, retransmissions, video, padding; a
 * resend that waits behind a burst of new video arrives a queue later, and the frame it repairs freezes that much
 * longer). The router claims a slot in a lane, writes the packet and commits it with the time; the send step takes
 * from the head ({@link #nextLane()}: priority first, then resends), encrypts in place and hands the bytes to the
 * socket. When a lane is
 * full the new packet is dropped and counted: a slow subscriber loses its own packets and never delays the
 * publisher or anyone else. No allocation per packet; media loop only; no locks.
 */
public final class SubscriberQueue {
    /** Room for the largest RTP packet we forward plus SRTP overhead. */
    public static final int SLOT_BYTES = 1600;
    /** The probe cluster of a packet that is not part of a probe. */
    public static final int NO_PROBE = -1;

    /** Which lane a packet goes in. */
    public enum Lane {
        /** Audio: sent before anything in the paced lane, never held by the pacer. */
        PRIORITY,
        /** Resent video (RTX): released by the pacer, before anything in the {@link #PACED} lane. */
        RETRANSMISSION,
        /** Video and padding: released by the pacer. */
        PACED
    }

    private final SlotRing priority;
    private final SlotRing retransmission;
    private final SlotRing paced;
    private SlotRing claimed;

    /** @param capacity slots per lane */
    public SubscriberQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        priority = new SlotRing(capacity);
        retransmission = new SlotRing(capacity);
        paced = new SlotRing(capacity);
        claimed = paced;
    }

    /** The buffer to write the next packet of {@code lane} into, or null (and a drop counted) when it is full. */
    public byte[] claim(Lane lane) {
        claimed = switch (lane) {
            case PRIORITY -> priority;
            case RETRANSMISSION -> retransmission;
            case PACED -> paced;
        };
        return claimed.claim();
    }

    /** Commits the slot returned by the last {@link #claim}, queued at {@code nowNanos}. */
    public void commit(Object packetOwner, int len, int payloadLen, long nowNanos) {
        claimed.commit(packetOwner, len, payloadLen, nowNanos, NO_PROBE);
    }

    /** Commits the slot returned by the last {@link #claim} as a packet of probe cluster {@code probeClusterId}. */
    public void commitProbe(Object packetOwner, int len, int payloadLen, long nowNanos, int probeClusterId) {
        claimed.commit(packetOwner, len, payloadLen, nowNanos, probeClusterId);
    }

    public SlotRing priorityLane() {
        return priority;
    }

    public SlotRing retransmissionLane() {
        return retransmission;
    }

    public SlotRing pacedLane() {
        return paced;
    }

    /**
     * The lane the next packet comes from: the priority lane while it holds anything, else the retransmission lane
     * while it holds anything, else the paced lane.
     */
    public SlotRing nextLane() {
        if (!priority.isEmpty()) {
            return priority;
        }
        return retransmission.isEmpty() ? paced : retransmission;
    }

    public boolean isEmpty() {
        return priority.isEmpty() && retransmission.isEmpty() && paced.isEmpty();
    }

    /** Packets queued in all lanes. */
    public int size() {
        return priority.size() + retransmission.size() + paced.size();
    }

    /** Slots per lane. */
    public int capacity() {
        return paced.capacity();
    }

    /** The next packet's bytes (see {@link #nextLane()}). */
    public byte[] headData() {
        return nextLane().headData();
    }

    public int headLength() {
        return nextLane().headLength();
    }

    public int headPayloadLength() {
        return nextLane().headPayloadLength();
    }

    public Object headOwner() {
        return nextLane().headOwner();
    }

    /** Releases the next packet's slot (see {@link #nextLane()}). */
    public void pop() {
        nextLane().pop();
    }

    /** Drops everything queued (e.g. the subscriber is closing). */
    public void clear() {
        priority.clear();
        retransmission.clear();
        paced.clear();
    }

    public long enqueued() {
        return priority.enqueued() + retransmission.enqueued() + paced.enqueued();
    }

    /** Packets refused because their lane was full. */
    public long dropped() {
        return priority.dropped() + retransmission.dropped() + paced.dropped();
    }
}
