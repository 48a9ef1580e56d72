package dev.onair.messaging.service;

/**
 * Counts one connection's malformed frames in fixed windows: more than {@link #MAX_BAD_FRAMES} within
 * {@link #WINDOW_MILLIS} and the connection is closed with {@link CloseReason#PROTOCOL_ERROR} (a client that keeps
 * sending garbage is broken; answering each frame with an error forever only costs the server). Time comes from the
 * service's injected clock. Not thread-safe: the session calls it under its own lock.
 */
final class BadFrameLimit {
    /** Malformed frames tolerated per window; the next one closes the connection. */
    static final int MAX_BAD_FRAMES = 20;
    static final long WINDOW_MILLIS = 10_000;

    private long windowStartMillis = Long.MIN_VALUE;
    private int inWindow;

    /** Records one malformed frame at {@code nowMillis}; true when the connection is now over the limit. */
    boolean overLimit(long nowMillis) {
        if (windowStartMillis == Long.MIN_VALUE || nowMillis - windowStartMillis >= WINDOW_MILLIS
                || nowMillis < windowStartMillis) {
            windowStartMillis = nowMillis;
            inWindow = 0;
        }
        inWindow++;
        return inWindow > MAX_BAD_FRAMES;
    }
}
