package dev.onair.sfu.rtx;

import dev.onair.protocol.rtp.SequenceNumbers;
import java.util.Arrays;

/**
 * The recent packets of one published video track, as received (decrypted, original SSRC, sequence number and
 * header extensions), kept once and shared by every subscriber of the track. A ring of {@code slots} fixed-size
 * slots indexed by extended sequence number: bounded in bytes ({@code slots * MAX_PACKET_BYTES}, one array
 * allocated on the first packet) and in time (a packet older than {@code maxAgeNanos} is never returned).
 * A newer packet overwrites the slot of the one {@code slots} numbers before it; an SSRC change empties the
 * cache. Media loop only; no allocation per packet.
 */
public final class RetransmissionCache {
    /** 1024 slots: about 1 s of a 10 Mbit/s stream of full-size packets. */
    public static final int DEFAULT_SLOTS = 1024;
    /** The largest packet kept; larger ones (which no browser sends) are counted and not kept. */
    public static final int MAX_PACKET_BYTES = 1500;
    public static final long DEFAULT_MAX_AGE_NANOS = 1_000_000_000L;

    private final int slots;
    private final long maxAgeNanos;
    private final long[] extSeqs;
    private final int[] lengths;
    private final long[] arrivalNanos;
    private byte[] data;
    private long ssrc = -1;
    private long highestExtSeq = -1;
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
        this.lengths = new int[slots];
        this.arrivalNanos = new long[slots];
        Arrays.fill(extSeqs, -1);
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
        if (pktSsrc != ssrc) {
            Arrays.fill(extSeqs, -1);
            ssrc = pktSsrc;
            highestExtSeq = -1;
        }
        if (data == null) {
            data = new byte[slots * MAX_PACKET_BYTES];
        }
        int slot = (int) (extSeq % slots);
        if (extSeqs[slot] > extSeq) {
            return; // a late packet whose slot a newer one already took
        }
        System.arraycopy(buf, off, data, slot * MAX_PACKET_BYTES, len);
        extSeqs[slot] = extSeq;
        lengths[slot] = len;
        arrivalNanos[slot] = nowNanos;
        highestExtSeq = Math.max(highestExtSeq, extSeq);
        stored++;
    }

    /**
     * The slot holding the packet with 16-bit sequence number {@code seq} of SSRC {@code pktSsrc}, received at
     * most {@code maxAgeNanos} (and at most the cache's own bound) before {@code nowNanos}; -1 when it is not
     * here (never received, overwritten, too old, another SSRC).
     */
    public int find(long pktSsrc, int seq, long nowNanos, long maxAgeNanos) {
        if (pktSsrc != ssrc || highestExtSeq < 0) {
            return -1;
        }
        long ext = highestExtSeq + SequenceNumbers.diff(seq & 0xFFFF, (int) (highestExtSeq & 0xFFFF));
        if (ext < 0 || ext > highestExtSeq) {
            return -1;
        }
        int slot = (int) (ext % slots);
        if (extSeqs[slot] != ext || nowNanos - arrivalNanos[slot] > Math.min(maxAgeNanos, this.maxAgeNanos)) {
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
