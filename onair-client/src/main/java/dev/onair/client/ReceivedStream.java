package dev.onair.client;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything recorded about one received SSRC: per packet its sequence number, timestamp, payload type, marker,
 * keyframe-start flag and arrival time (the first {@link #MAX_RECORDED} packets; counters keep going). Written by
 * the receive thread, read by tests from any thread (every method synchronizes and returns copies).
 */
public final class ReceivedStream {
    /** Packets whose details are kept per stream. */
    public static final int MAX_RECORDED = 200_000;

    private final long ssrc;
    private int[] seqs = new int[256];
    private long[] timestamps = new long[256];
    private long[] arrivalNanos = new long[256];
    private byte[] payloadTypes = new byte[256];
    private int recorded;
    private long packets;
    private long keyframeStarts;
    private long sequenceGaps;
    private long markers;
    private boolean firstPacketKeyframe;

    ReceivedStream(long ssrc) {
        this.ssrc = ssrc;
    }

    synchronized void onPacket(int seq, long timestamp, int payloadType, boolean marker, boolean keyframeStart,
                               long arrival) {
        if (packets == 0) {
            firstPacketKeyframe = keyframeStart;
        } else if (recorded > 0 && seq != ((seqs[recorded - 1] + 1) & 0xFFFF)) {
            sequenceGaps++;
        }
        packets++;
        keyframeStarts += keyframeStart ? 1 : 0;
        markers += marker ? 1 : 0;
        if (recorded == MAX_RECORDED) {
            return;
        }
        if (recorded == seqs.length) {
            int n = Math.min(MAX_RECORDED, recorded * 2);
            seqs = Arrays.copyOf(seqs, n);
            timestamps = Arrays.copyOf(timestamps, n);
            arrivalNanos = Arrays.copyOf(arrivalNanos, n);
            payloadTypes = Arrays.copyOf(payloadTypes, n);
        }
        seqs[recorded] = seq;
        timestamps[recorded] = timestamp;
        arrivalNanos[recorded] = arrival;
        payloadTypes[recorded] = (byte) payloadType;
        recorded++;
    }

    public long ssrc() {
        return ssrc;
    }

    public synchronized long packets() {
        return packets;
    }

    /** Places where a packet's sequence number was not the previous one + 1 (loss, reordering or a jump). */
    public synchronized long sequenceGaps() {
        return sequenceGaps;
    }

    /** True when the very first packet of this SSRC started a key frame (VP8 P=0 with S=1/PID=0, or an IDR). */
    public synchronized boolean firstPacketKeyframe() {
        return firstPacketKeyframe;
    }

    public synchronized long keyframeStarts() {
        return keyframeStarts;
    }

    public synchronized long markers() {
        return markers;
    }

    public synchronized int[] sequenceNumbers() {
        return Arrays.copyOf(seqs, recorded);
    }

    public synchronized long[] timestamps() {
        return Arrays.copyOf(timestamps, recorded);
    }

    /** Arrival times on the peer's {@code MediaClock}, in nanoseconds. */
    public synchronized long[] arrivalNanos() {
        return Arrays.copyOf(arrivalNanos, recorded);
    }

    public synchronized Set<Integer> payloadTypes() {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < recorded; i++) {
            out.add(payloadTypes[i] & 0x7F);
        }
        return out;
    }

    /** The last recorded timestamp, or -1 before any packet. */
    public synchronized long lastTimestamp() {
        return recorded == 0 ? -1 : timestamps[recorded - 1];
    }

    /** The last recorded sequence number, or -1 before any packet. */
    public synchronized int lastSequenceNumber() {
        return recorded == 0 ? -1 : seqs[recorded - 1];
    }

    @Override
    public synchronized String toString() {
        return "ReceivedStream[ssrc=" + ssrc + ", packets=" + packets + ", gaps=" + sequenceGaps
                + ", firstKeyframe=" + firstPacketKeyframe + ", pts=" + payloadTypes() + "]";
    }
}
