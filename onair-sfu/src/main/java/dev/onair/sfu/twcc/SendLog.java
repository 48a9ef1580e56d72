package dev.onair.sfu.twcc;

import java.util.Arrays;

/**
 * What we sent on one subscriber transport, by transport-wide sequence number: send time and size, kept for the
 * newest {@code capacity} numbers in preallocated arrays (no allocation per packet). The estimator joins these with
 * the subscriber's feedback ({@link FeedbackResults}). Media loop only.
 */
public final class SendLog {
    private static final long NONE = Long.MIN_VALUE;
    private final long[] sequences;
    private final long[] sendNanos;
    private final int[] sizeBytes;
    private final int mask;
    private long newest = -1;

    /** @param capacity numbers kept, a power of two */
    public SendLog(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        sequences = new long[capacity];
        Arrays.fill(sequences, NONE);
        sendNanos = new long[capacity];
        sizeBytes = new int[capacity];
        mask = capacity - 1;
    }

    /** Records packet {@code sequence} (our unwrapped transport-wide number) sent at {@code nowNanos}. */
    public void onSent(long sequence, long nowNanos, int bytes) {
        int slot = (int) (sequence & mask);
        sequences[slot] = sequence;
        sendNanos[slot] = nowNanos;
        sizeBytes[slot] = bytes;
        newest = Math.max(newest, sequence);
    }

    /** The unwrapped number closest to the newest sent that has these low 16 bits; -1 before the first packet. */
    public long unwrap(int seq16) {
        if (newest < 0) {
            return -1;
        }
        int diff = (short) ((seq16 & 0xFFFF) - (int) (newest & 0xFFFF));
        return newest + diff;
    }

    /** True while {@code sequence} is still in the log. */
    public boolean contains(long sequence) {
        return sequence >= 0 && sequences[(int) (sequence & mask)] == sequence;
    }

    /** Send time of a logged packet (check {@link #contains} first). */
    public long sendNanos(long sequence) {
        return sendNanos[(int) (sequence & mask)];
    }

    /** Size on the wire (RTP, before SRTP) of a logged packet. */
    public int sizeBytes(long sequence) {
        return sizeBytes[(int) (sequence & mask)];
    }

    /** The newest number logged, or -1. */
    public long newest() {
        return newest;
    }
}
