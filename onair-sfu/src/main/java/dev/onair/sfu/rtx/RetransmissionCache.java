package dev.onair.sfu.rtx;

import dev.onair.protocol.rtp.SequenceNumbers;
import java.util.Arrays;

/**
 * The recent packets of one published video track, as received (decrypted, original SSRC, sequence number and
 * header extensions), kept once and shared by every subscriber of the track. A simulcast track has one SSRC per
 * layer: up to {@link #MAX_STREAMS} SSRCs are kept side by side (a further one takes the place of the one written
 * least recently). Packets go into a ring of {@code slots} fixed-size slots in arrival order, so the bound is in
 * total packets of all layers: in bytes ({@code slots * MAX_PACKET_BYTES}, one array allocated on the first packet)
 * and in time (a packet older than {@code maxAgeNanos} is never returned); each SSRC indexes its packets by
 * extended sequence number. Media loop only; no allocation per packet.
 */
public final class RetransmissionCache {
    /** 1024 slots: about 1 s of a 10 Mbit/s stream of full-size packets. */
    public static final int DEFAULT_SLOTS = 1024;
    /** The largest packet kept; larger ones (which no browser sends) are counted and not kept. */
    public static final int MAX_PACKET_BYTES = 1500;
    public static final long DEFAULT_MAX_AGE_NANOS = 1_000_000_000L;
    /** SSRCs kept at once: three simulcast layers and one spare (an SSRC change of one layer). */
    public static final int MAX_STREAMS = 4;

    private final int slots;
    private final long maxAgeNanos;
    private final long[] extSeqs;
    private final long[] slotSsrcs;
    private final int[] lengths;
    private final long[] arrivalNanos;
    private byte[] data;
    private int nextSlot;
    private final long[] streamSsrcs = new long[MAX_STREAMS];
    private final long[] streamHighest = new long[MAX_STREAMS];
    private final long[] streamLastPut = new long[MAX_STREAMS];
    /** Per stream: ring slot of each extended sequence number modulo {@code slots}; -1 none. */
    private final int[][] index;
    private long stored;
    private long tooLarge;

    public RetransmissionCache() {
        this(DEFAULT_SLOTS, DEFAULT_MAX_AGE_NANOS);
    }

    public RetransmissionCache(int slots, long maxAgeNanos) {
        if (slots < 1 || maxAgeNanos <= 0) {
            throw new IllegalArgumentException("slots and maxAgeNanos must be positive");
        }
        this.slots = slots;
        this.maxAgeNanos = maxAgeNanos;
        this.extSeqs = new long[slots];
        this.slotSsrcs = new long[slots];
        this.lengths = new int[slots];
        this.arrivalNanos = new long[slots];
        this.index = new int[MAX_STREAMS][slots];
        Arrays.fill(extSeqs, -1);
        Arrays.fill(slotSsrcs, -1);
        Arrays.fill(streamSsrcs, -1);
        for (int[] row : index) {
            Arrays.fill(row, -1);
        }
    }

    /** Keeps a copy of one received packet with its extended sequence number (from the receive statistics). */
    public void put(byte[] buf, int off, int len, long pktSsrc, long extSeq, long nowNanos) {
        if (len > MAX_PACKET_BYTES || len <= 0) {
            tooLarge++;
            return;
        }
        if (extSeq < 0) {
            return;
        }
        int stream = streamOf(pktSsrc);
        if (stream < 0) {
            stream = claimStream(pktSsrc);
        }
        int[] row = index[stream];
        int key = (int) (extSeq % slots);
        int old = row[key];
        if (old >= 0 && slotSsrcs[old] == pktSsrc && extSeqs[old] > extSeq) {
            return; // a late packet whose place a newer one already took
        }
        if (data == null) {
            data = new byte[slots * MAX_PACKET_BYTES];
        }
        int slot = nextSlot;
        nextSlot = nextSlot + 1 == slots ? 0 : nextSlot + 1;
        System.arraycopy(buf, off, data, slot * MAX_PACKET_BYTES, len);
        extSeqs[slot] = extSeq;
        slotSsrcs[slot] = pktSsrc;
        lengths[slot] = len;
        arrivalNanos[slot] = nowNanos;
        row[key] = slot;
        streamHighest[stream] = Math.max(streamHighest[stream], extSeq);
        streamLastPut[stream] = ++stored;
    }

    private int streamOf(long pktSsrc) {
        for (int i = 0; i < MAX_STREAMS; i++) {
            if (streamSsrcs[i] == pktSsrc) {
                return i;
            }
        }
        return -1;
    }

    /** A free stream, else the one written least recently (its packets are forgotten). */
    private int claimStream(long pktSsrc) {
        int victim = 0;
        for (int i = 0; i < MAX_STREAMS; i++) {
            if (streamSsrcs[i] < 0) {
                victim = i;
                break;
            }
            if (streamLastPut[i] < streamLastPut[victim]) {
                victim = i;
            }
        }
        streamSsrcs[victim] = pktSsrc;
        streamHighest[victim] = -1;
        Arrays.fill(index[victim], -1);
        return victim;
    }

    /**
     * The slot holding the packet with 16-bit sequence number {@code seq} of SSRC {@code pktSsrc}, received at
     * most {@code maxAgeNanos} (and at most the cache's own bound) before {@code nowNanos}; -1 when it is not
     * here (never received, overwritten, too old, an SSRC not kept).
     */
    public int find(long pktSsrc, int seq, long nowNanos, long maxAgeNanos) {
        int stream = pktSsrc < 0 ? -1 : streamOf(pktSsrc);
        if (stream < 0 || streamHighest[stream] < 0) {
            return -1;
        }
        long highestExtSeq = streamHighest[stream];
        long ext = highestExtSeq + SequenceNumbers.diff(seq & 0xFFFF, (int) (highestExtSeq & 0xFFFF));
        if (ext < 0 || ext > highestExtSeq) {
            return -1;
        }
        int slot = index[stream][(int) (ext % slots)];
        if (slot < 0 || slotSsrcs[slot] != pktSsrc || extSeqs[slot] != ext
                || nowNanos - arrivalNanos[slot] > Math.min(maxAgeNanos, this.maxAgeNanos)) {
            return -1;
        }
        return slot;
    }

    /** The array holding every slot; a slot's packet starts at {@link #offset(int)}. */
    public byte[] data() {
        return data;
    }

    public int offset(int slot) {
        return slot * MAX_PACKET_BYTES;
    }

    public int length(int slot) {
        return lengths[slot];
    }

    public long arrivalNanos(int slot) {
        return arrivalNanos[slot];
    }

    public long maxAgeNanos() {
        return maxAgeNanos;
    }

    /** The bytes the cache holds at most (allocated on the first packet). */
    public long capacityBytes() {
        return (long) slots * MAX_PACKET_BYTES;
    }

    public long stored() {
        return stored;
    }

    public long tooLarge() {
        return tooLarge;
    }
}
