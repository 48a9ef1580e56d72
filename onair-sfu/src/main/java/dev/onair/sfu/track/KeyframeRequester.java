package dev.onair.sfu.track;

/**
 * Throttles keyframe requests (PLI/FIR) towards one published track: at most one per
 * {@code minIntervalNanos} (500 ms), however many subscribers ask. Media loop only.
 */
public final class KeyframeRequester {
    public static final long DEFAULT_MIN_INTERVAL_NANOS = 500_000_000L;

    private final long minIntervalNanos;
    private long lastSentNanos;
    private boolean everSent;
    private long requested;
    private long sent;

    public KeyframeRequester(long minIntervalNanos) {
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Returns true if a request should go to the publisher now. */
    public boolean tryRequest(long nowNanos) {
        requested++;
        if (everSent && nowNanos - lastSentNanos < minIntervalNanos) {
            return false;
        }
        everSent = true;
        lastSentNanos = nowNanos;
        sent++;
        return true;
    }

    public long requested() {
        return requested;
    }

    public long sent() {
        return sent;
    }
}
