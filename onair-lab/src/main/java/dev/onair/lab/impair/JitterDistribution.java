package dev.onair.lab.impair;

/**
 * How a datagram's delay varies around the base delay. {@code jitterMillis} is the spread parameter, as in
 * Linux netem's {@code delay TIME JITTER [distribution]} (tc-netem(8)).
 */
public enum JitterDistribution {
    /** Uniform in [base - jitter, base + jitter]: netem's default when no distribution is named. */
    UNIFORM,
    /**
     * Normal with mean = base and standard deviation = jitter, truncated to ±3 standard deviations by
     * resampling (netem's {@code distribution normal} uses a table of the same shape, ±4σ; the truncation keeps
     * the delay bounded). Delays below zero are clamped to zero.
     */
    NORMAL
}
