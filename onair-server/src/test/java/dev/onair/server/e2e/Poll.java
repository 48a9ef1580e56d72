package dev.onair.server.e2e;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a value until a condition holds or a deadline passes (integration tests only). */
final class Poll {
    private Poll() {
    }

    /** Returns the first value that satisfies the condition; on timeout, the last value seen (caller asserts). */
    static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            value = probe.get();
        }
        return value;
    }
}
