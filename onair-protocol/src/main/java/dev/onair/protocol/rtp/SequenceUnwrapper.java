package dev.onair.protocol.rtp;

/**
 * Extends 16-bit RTP sequence numbers to a 64-bit index (RFC 3550 §A.1 "extended highest sequence
 * number": cycles &lt;&lt; 16 | seq). The first number seen maps to itself; later ones map to the index
 * closest to the highest index so far, so wrap-around and reordering up to 32767 apart are handled.
 *
 * <pre>
 *   ... 65534, 65535, 0, 1 ...  -&gt;  65534, 65535, 65536, 65537
 *   highest 65537, late 65535   -&gt;  65535 (highest stays 65537)
 * </pre>
 *
 * <p>A late packet from before the first one may unwrap to a negative index. Not thread-safe.
 */
public final class SequenceUnwrapper {
    private boolean started;
    private long highest;

    /** The extended index of {@code seq16} (low 16 bits used); advances the highest index when newer. */
    public long unwrap(int seq16) {
        int seq = seq16 & 0xFFFF;
        if (!started) {
            started = true;
            highest = seq;
            return seq;
        }
        long index = highest + SequenceNumbers.diff(seq, (int) (highest & 0xFFFF));
        if (index > highest) {
            highest = index;
        }
        return index;
    }

    /** The highest extended index returned so far, or -1 before the first call. */
    public long highest() {
        return started ? highest : -1;
    }

    /** Forgets everything, e.g. after an SSRC change. */
    public void reset() {
        started = false;
        highest = 0;
    }
}
