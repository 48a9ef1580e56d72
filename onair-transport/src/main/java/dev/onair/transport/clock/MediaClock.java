package dev.onair.transport.clock;

/**
 * The only source of time for media code. Production uses {@link #system()}; tests use {@link ManualClock}.
 * Monotonic time ({@link #nanoTime()}) drives timers and intervals; wall time ({@link #wallMillis()}) is only
 * for NTP timestamps in RTCP sender reports and for log/report stamps.
 */
public interface MediaClock {
    /** Monotonic nanoseconds, arbitrary origin. */
    long nanoTime();

    /** Wall-clock milliseconds since the Unix epoch. */
    long wallMillis();

    default long monotonicMillis() {
        return nanoTime() / 1_000_000L;
    }

    static MediaClock system() {
        return SystemClock.INSTANCE;
    }
}
