package dev.onair.sfu.bwe;

/** A simulation that advances in 1 ms steps, and the two ways the tests run it. */
abstract class MillisecondSimulation {
    static final long STEP_NANOS = 1_000_000L;
    long nowNanos;

    /** One millisecond of the simulated world at {@link #nowNanos}. */
    abstract void step();

    /** The estimate under test now. */
    abstract long estimateBps();

    /** Runs {@code nanos} more of simulated time. */
    void run(long nanos) {
        long end = nowNanos + nanos;
        while (nowNanos < end) {
            step();
            nowNanos += STEP_NANOS;
        }
    }

    /** Runs {@code nanos} and returns the mean estimate over it, sampled every 10 ms. */
    long averageEstimateOver(long nanos) {
        long end = nowNanos + nanos;
        double sum = 0;
        int samples = 0;
        while (nowNanos < end) {
            step();
            if (nowNanos % (10 * STEP_NANOS) == 0) {
                sum += estimateBps();
                samples++;
            }
            nowNanos += STEP_NANOS;
        }
        return Math.round(sum / samples);
    }
}
