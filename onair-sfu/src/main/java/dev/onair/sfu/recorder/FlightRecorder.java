package dev.onair.sfu.recorder;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded ring of the last packets and control events of one participant. Recording writes into
 * preallocated primitive arrays (no allocation, no lock): call it from the one thread that owns the participant
 * (the media loop). {@link #packets}, {@link #controls} and {@link #snapshot} copy out what is younger than the
 * window, oldest first; call them on the same thread (or hand a copy across). Every record gets a position in one
 * order shared by packets and controls, so a dump can interleave them exactly as they happened.
 */
public final class FlightRecorder {
    /** Bytes one packet slot takes. */
    public static final int PACKET_SLOT_BYTES = 8 + 8 + 4 + 4 + 2 + 2 + 1 + 1 + 1 + 1;
    /** Bytes one control slot takes. */
    public static final int CONTROL_SLOT_BYTES = 8 + 8 + 4 + 4 + 1 + 1;
    /** How far back {@link #markKeyframe} looks for the packet to flag. */
    static final int KEYFRAME_LOOKBACK = 16;
    private static final int OUTBOUND = 1;
    private static final int MARKER = 2;
    private static final int KEYFRAME = 4;
    private static final int NO_SSRC = 0x40;
    private static final DropReason[] DROPS = DropReason.values();
    private static final ControlKind[] CONTROLS = ControlKind.values();

    private final long windowNanos;
    private final long[] at;
    private final long[] order;
    private final int[] ssrc;
    private final int[] rtpTs;
    private final short[] seq;
    private final short[] size;
    private final byte[] pt;
    private final byte[] flags;
    private final byte[] drop;
    private final byte[] link;
    private int next;
    private long recorded;

    private final long[] ctlAt;
    private final long[] ctlOrder;
    private final int[] ctlSsrc;
    private final int[] ctlDetail;
    private final byte[] ctlKind;
    private final byte[] ctlLink;
    private int ctlNext;
    private long ctlRecorded;
    private long nextOrder;

    /**
     * @param packetCapacity  packets kept at most (e.g. 60 s × 500 packets/s = 30,000 ≈ 0.9 MB)
     * @param controlCapacity control events kept at most
     * @param windowNanos     a dump keeps only what is younger than this (60 s)
     */
    public FlightRecorder(int packetCapacity, int controlCapacity, long windowNanos) {
        if (packetCapacity < 1 || controlCapacity < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("capacities and window must be positive");
        }
        this.windowNanos = windowNanos;
        at = new long[packetCapacity];
        order = new long[packetCapacity];
        ssrc = new int[packetCapacity];
        rtpTs = new int[packetCapacity];
        seq = new short[packetCapacity];
        size = new short[packetCapacity];
        pt = new byte[packetCapacity];
        flags = new byte[packetCapacity];
        drop = new byte[packetCapacity];
        link = new byte[packetCapacity];
        ctlAt = new long[controlCapacity];
        ctlOrder = new long[controlCapacity];
        ctlSsrc = new int[controlCapacity];
        ctlDetail = new int[controlCapacity];
        ctlKind = new byte[controlCapacity];
        ctlLink = new byte[controlCapacity];
    }

    /** Bytes of memory the rings take, for sizing documentation. */
    public long footprintBytes() {
        return (long) at.length * PACKET_SLOT_BYTES + (long) ctlAt.length * CONTROL_SLOT_BYTES;
    }

    public long windowNanos() {
        return windowNanos;
    }

    /** Records one RTP packet; returns its slot, for {@link #amendDrop}. */
    public int recordPacket(long nowNanos, int linkId, boolean outbound, long packetSsrc, int sequence,
                             long rtpTimestamp, int payloadType, int sizeBytes, boolean marker, boolean keyframe,
                             DropReason reason) {
        int i = next;
        at[i] = nowNanos;
        order[i] = nextOrder++;
        ssrc[i] = (int) packetSsrc;
        seq[i] = (short) sequence;
        rtpTs[i] = (int) rtpTimestamp;
        pt[i] = (byte) payloadType;
        size[i] = (short) Math.min(sizeBytes, 0xFFFF);
        flags[i] = (byte) ((outbound ? OUTBOUND : 0) | (marker ? MARKER : 0) | (keyframe ? KEYFRAME : 0));
        drop[i] = (byte) reason.ordinal();
        link[i] = (byte) linkId;
        next = i + 1 == at.length ? 0 : i + 1;
        recorded++;
        return i;
    }

    /** Sets the drop reason of the packet in {@code slot} (as {@link #recordPacket} returned it, moments ago). */
    public void amendDrop(int slot, DropReason reason) {
        if (slot >= 0 && slot < drop.length) {
            drop[slot] = (byte) reason.ordinal();
        }
    }

    public void recordControl(long nowNanos, int linkId, ControlKind kind, long eventSsrc, int detail) {
        int i = ctlNext;
        ctlAt[i] = nowNanos;
        ctlOrder[i] = nextOrder++;
        // A kind bit says "no SSRC", so that SSRC 0xFFFFFFFF stays representable.
        ctlKind[i] = (byte) (kind.ordinal() | (eventSsrc < 0 ? NO_SSRC : 0));
        ctlSsrc[i] = (int) eventSsrc;
        ctlDetail[i] = detail;
        ctlLink[i] = (byte) linkId;
        ctlNext = i + 1 == ctlAt.length ? 0 : i + 1;
        ctlRecorded++;
    }

    /**
     * Flags the newest inbound record of ({@code packetSsrc}, {@code sequence}) among the last few as a keyframe
     * start (the session learns it after decryption, after the socket edge recorded the packet). Returns false when
     * no such record is near the head of the ring.
     */
    public boolean markKeyframe(long packetSsrc, int sequence) {
        int held = (int) Math.min(recorded, at.length);
        int i = next;
        for (int k = 0; k < Math.min(held, KEYFRAME_LOOKBACK); k++) {
            i = i == 0 ? at.length - 1 : i - 1;
            if ((flags[i] & OUTBOUND) == 0 && ssrc[i] == (int) packetSsrc && (seq[i] & 0xFFFF) == (sequence & 0xFFFF)) {
                flags[i] |= KEYFRAME;
                return true;
            }
        }
        return false;
    }

    /** Packets recorded since the start (not only those still held). */
    public long packetsRecorded() {
        return recorded;
    }

    /** Control events recorded since the start (not only those still held). */
    public long controlsRecorded() {
        return ctlRecorded;
    }

    /** A copy of what is younger than the window at {@code nowNanos} (wall clock {@code wallMillis}). */
    public Recording snapshot(long nowNanos, long wallMillis) {
        return new Recording(packets(nowNanos), controls(nowNanos), recorded, ctlRecorded, nowNanos, wallMillis);
    }

    /** The held packets younger than the window at {@code nowNanos}, oldest first. */
    public List<PacketRecord> packets(long nowNanos) {
        int held = (int) Math.min(recorded, at.length);
        List<PacketRecord> out = new ArrayList<>(held);
        int start = recorded <= at.length ? 0 : next;
        for (int k = 0; k < held; k++) {
            int i = (start + k) % at.length;
            if (nowNanos - at[i] > windowNanos) {
                continue;
            }
            int f = flags[i];
            out.add(new PacketRecord(at[i], order[i], link[i] & 0xFF, (f & OUTBOUND) != 0, ssrc[i] & 0xFFFFFFFFL,
                    seq[i] & 0xFFFF, rtpTs[i] & 0xFFFFFFFFL, pt[i] & 0x7F, size[i] & 0xFFFF, (f & MARKER) != 0,
                    (f & KEYFRAME) != 0, DROPS[drop[i]]));
        }
        return out;
    }

    /** The held control events younger than the window at {@code nowNanos}, oldest first. */
    public List<ControlRecord> controls(long nowNanos) {
        int held = (int) Math.min(ctlRecorded, ctlAt.length);
        List<ControlRecord> out = new ArrayList<>(held);
        int start = ctlRecorded <= ctlAt.length ? 0 : ctlNext;
        for (int k = 0; k < held; k++) {
            int i = (start + k) % ctlAt.length;
            if (nowNanos - ctlAt[i] > windowNanos) {
                continue;
            }
            boolean noSsrc = (ctlKind[i] & NO_SSRC) != 0;
            out.add(new ControlRecord(ctlAt[i], ctlOrder[i], ctlLink[i] & 0xFF, CONTROLS[ctlKind[i] & ~NO_SSRC],
                    noSsrc ? -1 : ctlSsrc[i] & 0xFFFFFFFFL, ctlDetail[i]));
        }
        return out;
    }
}
