package dev.onair.server.webhook;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt wait {@code baseMillis * 2^(n-1)}, capped at
 * {@code maxMillis}, times a factor drawn uniformly from [0.75, 1.25) so that many servers do not retry in step.
 * With the default base of 500 ms: about 0.5 s, 1 s, 2 s, 4 s, ...
 *
 * @param random thread-confined or thread-safe; seeded in tests
 */
public record Backoff(long baseMillis, long maxMillis, RandomGenerator random) {
    public static final long DEFAULT_BASE_MILLIS = 500;
    public static final long DEFAULT_MAX_MILLIS = 60_000;

    public Backoff {
        if (baseMillis < 0 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("need 0 <= baseMillis <= maxMillis, got " + baseMillis + ", " + maxMillis);
        }
    }

    /** The delay before attempt {@code failedAttempts + 1}; {@code failedAttempts} starts at 1. */
    public long delayMillis(int failedAttempts) {
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long raw = Math.min(maxMillis, baseMillis << shift);
        double factor = 0.75 + 0.5 * nextDouble();
        return Math.round(raw * factor);
    }

    private double nextDouble() {
        synchronized (random) {
            return random.nextDouble();
        }
    }
}
