package dev.onair.transport.srtp;

/**
 * Rollover counter (ROC) and highest sequence number {@code s_l} of one SRTP stream, and the packet-index
 * estimate of RFC 3711 §3.3.1 / Appendix A: the 48-bit index {@code ROC * 65536 + SEQ} whose ROC is one of
 * {@code ROC - 1, ROC, ROC + 1}, whichever puts SEQ closest to {@code s_l}. Used on both sides: the sender
 * estimates too, so a sequence wrap (65535 → 0) increments its ROC without the caller's help.
 */
final class RtpIndexTracker {
    private static final long ROC_LIMIT = 1L << 32;

    private boolean started;
    private long roc;
    private int highestSeq;

    /** The estimated 48-bit packet index of a packet with this sequence number (no state change). */
    long estimate(int seq) {
        if (!started) {
            return seq;
        }
        long guessedRoc;
        if (highestSeq < 32768) {
            guessedRoc = seq - highestSeq > 32768 ? roc - 1 : roc;
        } else {
            guessedRoc = highestSeq - 32768 > seq ? roc + 1 : roc;
        }
        if (guessedRoc < 0) {
            guessedRoc = 0; // a packet from before the first one we saw, near the start: no ROC -1 exists
        } else if (guessedRoc >= ROC_LIMIT) {
            guessedRoc = ROC_LIMIT - 1;
        }
        return (guessedRoc << 16) | seq;
    }

    /** Records that the packet with this index was sent or accepted; advances ROC and {@code s_l} if newer. */
    void update(long index) {
        long current = (roc << 16) | highestSeq;
        if (!started || index > current) {
            started = true;
            roc = index >>> 16;
            highestSeq = (int) (index & 0xFFFF);
        }
    }

    /** The rollover counter in use for the highest index seen. */
    long roc() {
        return roc;
    }

    void copyFrom(RtpIndexTracker other) {
        started = other.started;
        roc = other.roc;
        highestSeq = other.highestSeq;
    }

    void reset() {
        started = false;
        roc = 0;
        highestSeq = 0;
    }
}
