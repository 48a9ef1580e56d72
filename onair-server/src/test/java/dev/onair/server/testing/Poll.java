package dev.onair.server.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a value until a condition holds or a deadline passes (integration tests only). */
public final class Poll {
    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    private Poll() {
    }

    /** Returns the first value that satisfies the condition; on timeout, the last value seen (caller asserts). */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done) {
        return until(timeout, DEFAULT_INTERVAL, probe, done);
    }

    /** As {@link #until(Duration, Supplier, Predicate)}, probing every {@code interval}. */
    public static <T> T until(Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(interval.toNanos());
            value = probe.get();
        }
        return value;
    }
}
