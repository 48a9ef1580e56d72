package dev.onair.sfu.bwe;

/**
 * Compares the trendline slope, scaled by min(deltas, 60) × 4, with an adaptive threshold (draft-ietf-rmcat-gcc-02
 * §5.4, libwebrtc TrendlineEstimator::Detect): above it for more than 10 ms over at least two groups, and not
 * shrinking, is {@link DelaySignal#OVERUSING}; below minus it is {@link DelaySignal#UNDERUSING}. The threshold
 * follows the scaled slope with gains k_up = 0.0087 and k_down = 0.039 per ms, clamped to 6..600 ms, and ignores
 * samples more than 15 ms above it (sudden spikes).
 */
final class OveruseDetector {
    static final double THRESHOLD_GAIN = 4.0;
    static final int MIN_NUM_DELTAS = 60;
    static final double OVERUSING_TIME_THRESHOLD_MS = 10.0;
    static final double K_UP = 0.0087;
    static final double K_DOWN = 0.039;
    static final double MIN_THRESHOLD_MS = 6.0;
    static final double MAX_THRESHOLD_MS = 600.0;
    static final double INITIAL_THRESHOLD_MS = 12.5;
    static final double MAX_ADAPT_OFFSET_MS = 15.0;
    static final double MAX_TIME_DELTA_MS = 100.0;

    private double thresholdMs = INITIAL_THRESHOLD_MS;
    private boolean hasLastUpdate;
    private long lastUpdateNanos;
    private double timeOverUsingMs = -1;
    private int overuseCounter;
    private double previousTrend;
    private DelaySignal state = DelaySignal.NORMAL;

    /**
     * @param trend       slope from the {@link TrendlineFilter}
     * @param sendDeltaMs send-time delta of the group that produced it
     * @param numDeltas   deltas seen so far (the scaling ramps up over the first 60)
     * @param nowNanos    the group's arrival time (receiver clock; only differences matter)
     */
    DelaySignal detect(double trend, double sendDeltaMs, int numDeltas, long nowNanos) {
        if (numDeltas < 2) {
            state = DelaySignal.NORMAL;
            return state;
        }
        double modifiedTrend = Math.min(numDeltas, MIN_NUM_DELTAS) * trend * THRESHOLD_GAIN;
        if (modifiedTrend > thresholdMs) {
            if (timeOverUsingMs < 0) {
                timeOverUsingMs = sendDeltaMs / 2;
            } else {
                timeOverUsingMs += sendDeltaMs;
            }
            overuseCounter++;
            if (timeOverUsingMs > OVERUSING_TIME_THRESHOLD_MS && overuseCounter > 1 && trend >= previousTrend) {
                timeOverUsingMs = 0;
                overuseCounter = 0;
                state = DelaySignal.OVERUSING;
            }
        } else if (modifiedTrend < -thresholdMs) {
            timeOverUsingMs = -1;
            overuseCounter = 0;
            state = DelaySignal.UNDERUSING;
        } else {
            timeOverUsingMs = -1;
            overuseCounter = 0;
            state = DelaySignal.NORMAL;
        }
        previousTrend = trend;
        updateThreshold(modifiedTrend, nowNanos);
        return state;
    }

    private void updateThreshold(double modifiedTrend, long nowNanos) {
        if (!hasLastUpdate) {
            hasLastUpdate = true;
            lastUpdateNanos = nowNanos;
        }
        double magnitude = Math.abs(modifiedTrend);
        if (magnitude > thresholdMs + MAX_ADAPT_OFFSET_MS) {
            lastUpdateNanos = nowNanos;
            return;
        }
        double k = magnitude < thresholdMs ? K_DOWN : K_UP;
        double timeDeltaMs = Math.max(0, Math.min((nowNanos - lastUpdateNanos) / 1e6, MAX_TIME_DELTA_MS));
        thresholdMs += k * (magnitude - thresholdMs) * timeDeltaMs;
        thresholdMs = Math.max(MIN_THRESHOLD_MS, Math.min(MAX_THRESHOLD_MS, thresholdMs));
        lastUpdateNanos = nowNanos;
    }

    void reset() {
        timeOverUsingMs = -1;
        overuseCounter = 0;
        previousTrend = 0;
        state = DelaySignal.NORMAL;
        hasLastUpdate = false;
    }

    DelaySignal state() {
        return state;
    }

    double thresholdMs() {
        return thresholdMs;
    }
}
