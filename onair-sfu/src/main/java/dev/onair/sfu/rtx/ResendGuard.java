package dev.onair.sfu.rtx;

import java.util.Arrays;

/**
 * Remembers when each recently requested packet was last resent to one subscriber, so that a packet is resent
 * at most once per interval (about one round trip: a second NACK sooner is the receiver asking again before our
 * first answer could arrive). A small ring indexed by sequence number; media loop only, no allocation.
 */
public final class ResendGuard {
    private static final int SIZE = 512;
    private final long[] keys = new long[SIZE];
    private final long[] sentNanos = new long[SIZE];

    public ResendGuard() {
        Arrays.fill(keys, -1);
    }

    /**
     * True (and remembered as sent now) when packet {@code key} (e.g. its extended source sequence number) was
     * not resent within the last {@code intervalNanos}.
     */
    public boolean tryResend(long key, long nowNanos, long intervalNanos) {
        int i = (int) (key & (SIZE - 1));
        if (keys[i] == key && nowNanos - sentNanos[i] < intervalNanos) {
            return false;
        }
        keys[i] = key;
        sentNanos[i] = nowNanos;
        return true;
    }

    /** Forgets everything (the subscriber's track was bound to another source). */
    public void clear() {
        Arrays.fill(keys, -1);
    }
}
