package dev.onair.sfu.bwe;

/**
 * The slope of the queueing delay: accumulates each group's delay variation (arrival delta minus send delta),
 * smooths it exponentially (0.9), and fits a least-squares line through the last 20 (arrival time, smoothed
 * delay) points (libwebrtc TrendlineEstimator; draft-ietf-rmcat-gcc-02 §5.3 uses a Kalman filter instead). A
 * positive slope means a queue is building. Preallocated ring, no allocation.
 */
final class TrendlineFilter {
    static final int WINDOW = 20;
    static final double SMOOTHING = 0.9;
    static final int MAX_DELTAS = 1000;

    private final double[] xMs = new double[WINDOW];
    private final double[] yMs = new double[WINDOW];
    private int head;
    private int count;
    private long firstArrivalNanos;
    private boolean started;
    private double accumulatedDelayMs;
    private double smoothedDelayMs;
    private int numDeltas;
    private double slope;

    /** Adds one group delta; true when the window is full and {@link #slope()} is fresh. */
    boolean update(double arrivalDeltaMs, double sendDeltaMs, long arrivalNanos) {
        if (!started) {
            started = true;
            firstArrivalNanos = arrivalNanos;
        }
        numDeltas = Math.min(numDeltas + 1, MAX_DELTAS);
        accumulatedDelayMs += arrivalDeltaMs - sendDeltaMs;
        smoothedDelayMs = SMOOTHING * smoothedDelayMs + (1 - SMOOTHING) * accumulatedDelayMs;
        xMs[head] = (arrivalNanos - firstArrivalNanos) / 1e6;
        yMs[head] = smoothedDelayMs;
        head = (head + 1) % WINDOW;
        if (count < WINDOW) {
            count++;
        }
        if (count < WINDOW) {
            return false;
        }
        double fitted = fitSlope();
        if (!Double.isNaN(fitted)) {
            slope = fitted;
        }
        return true;
    }

    private double fitSlope() {
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < count; i++) {
            sumX += xMs[i];
            sumY += yMs[i];
        }
        double meanX = sumX / count;
        double meanY = sumY / count;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < count; i++) {
            double dx = xMs[i] - meanX;
            numerator += dx * (yMs[i] - meanY);
            denominator += dx * dx;
        }
        if (denominator == 0 || !Double.isFinite(numerator / denominator)) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    void reset() {
        head = 0;
        count = 0;
        started = false;
        accumulatedDelayMs = 0;
        smoothedDelayMs = 0;
        numDeltas = 0;
        slope = 0;
    }

    /** Delay growth in ms per ms of arrival time, over the window. */
    double slope() {
        return slope;
    }

    int numDeltas() {
        return numDeltas;
    }
}
