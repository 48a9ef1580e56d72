package dev.onair.sfu.track;

/**
 * Throttles keyframe requests (PLI/FIR) towards one published track (one layer): at most one per
 * {@code minIntervalNanos} (500 ms), however many subscribers ask, and makes sure a suppressed or unanswered
 * request is not forgotten. Media loop only.
 *
 * <p>Policy: a request ({@link #tryRequest}) marks a keyframe as <em>outstanding</em> until one arrives
 * ({@link #onKeyframe}). It goes out at once unless one went out less than {@code minIntervalNanos} ago. While a
 * keyframe is outstanding, {@link #retryDue} (asked on every packet of the track) sends again once the last
 * request is older than the publisher's observed keyframe interval, capped at {@link #MAX_RETRY_NANOS} and not
 * below the throttle: so a subscriber waits at most about one keyframe interval (or 1 s) plus a round trip for a
 * picture, even when its own request was suppressed or lost. {@link #defer} records a request that cannot be sent
 * yet (the publisher's SSRC is still unknown); the first packet then sends it.
 */
public final class KeyframeRequester {
    public static final long DEFAULT_MIN_INTERVAL_NANOS = 500_000_000L;
    /** The longest a requested keyframe may stay unanswered before we ask again. */
    public static final long MAX_RETRY_NANOS = 1_000_000_000L;

    private final long minIntervalNanos;
    private long lastSentNanos;
    private boolean everSent;
    private boolean outstanding;
    private long requested;
    private long sent;
    private long retries;

    public KeyframeRequester(long minIntervalNanos) {
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Returns true if a request should go to the publisher now; either way a keyframe is now outstanding. */
    public boolean tryRequest(long nowNanos) {
        requested++;
        outstanding = true;
        if (everSent && nowNanos - lastSentNanos < minIntervalNanos) {
            return false;
        }
        markSent(nowNanos);
        return true;
    }

    /** A request that cannot go out yet: outstanding, sent by the next {@link #retryDue}. */
    public void defer() {
        requested++;
        outstanding = true;
    }

    /** A keyframe arrived from the publisher: nothing is outstanding any more. */
    public void onKeyframe() {
        outstanding = false;
    }

    /**
     * True (and counted as sent) when an outstanding keyframe should be requested again now: never requested yet,
     * or the last request is older than {@code keyframeIntervalNanos} (the publisher's observed interval; -1 when
     * unknown) capped at {@link #MAX_RETRY_NANOS}, and never sooner than the throttle interval.
     */
    public boolean retryDue(long nowNanos, long keyframeIntervalNanos) {
        if (!outstanding) {
            return false;
        }
        if (!everSent) {
            markSent(nowNanos);
            return true;
        }
        long wait = keyframeIntervalNanos > 0 ? Math.min(keyframeIntervalNanos, MAX_RETRY_NANOS) : MAX_RETRY_NANOS;
        if (nowNanos - lastSentNanos < Math.max(wait, minIntervalNanos)) {
            return false;
        }
        markSent(nowNanos);
        retries++;
        return true;
    }

    private void markSent(long nowNanos) {
        everSent = true;
        lastSentNanos = nowNanos;
        sent++;
    }

    /** True while a keyframe was asked for and has not arrived. */
    public boolean outstanding() {
        return outstanding;
    }

    public long requested() {
        return requested;
    }

    public long sent() {
        return sent;
    }

    /** Requests sent again because the keyframe did not come within the retry interval. */
    public long retries() {
        return retries;
    }
}
