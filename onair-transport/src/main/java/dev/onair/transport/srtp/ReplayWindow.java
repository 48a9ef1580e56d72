package dev.onair.transport.srtp;

/**
 * The receiver's sliding replay list of RFC 3711 §3.3.2: the highest accepted index and a 64-bit bitmap of the
 * 64 indices at and below it. Used for the 48-bit SRTP index and the 31-bit SRTCP index alike.
 * {@link #check(long)} is side-effect free; {@link #accept(long)} is called only after the packet authenticated.
 */
final class ReplayWindow {
    /** Indices tracked behind the highest one (RFC 3711 §3.3.2 asks for at least 64). */
    static final int SIZE = 64;

    private long highest = -1;
    private long bits;

    /** 0 if {@code index} may be accepted, else {@link SrtpDrop#REPLAYED} or {@link SrtpDrop#TOO_OLD} code. */
    int check(long index) {
        if (highest < 0 || index > highest) {
            return 0;
        }
        long behind = highest - index;
        if (behind >= SIZE) {
            return SrtpDrop.TOO_OLD.code();
        }
        return (bits & (1L << behind)) != 0 ? SrtpDrop.REPLAYED.code() : 0;
    }

    /** Marks {@code index} as received, sliding the window forward if it is the new highest. */
    void accept(long index) {
        if (highest < 0) {
            highest = index;
            bits = 1;
        } else if (index > highest) {
            long ahead = index - highest;
            bits = ahead >= SIZE ? 1 : (bits << ahead) | 1;
            highest = index;
        } else {
            bits |= 1L << (highest - index);
        }
    }

    void copyFrom(ReplayWindow other) {
        highest = other.highest;
        bits = other.bits;
    }

    void reset() {
        highest = -1;
        bits = 0;
    }
}
