package dev.onair.messaging.store;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A mutable wall clock for tests: starts at a fixed instant and moves only when told. Thread-safe. */
public final class TestClock implements InstantSource {
    /** 2026-01-01T00:00:00Z. */
    public static final long START_MILLIS = 1_767_225_600_000L;

    private final AtomicLong nowMillis;

    public TestClock() {
        this(START_MILLIS);
    }

    public TestClock(long startMillis) {
        this.nowMillis = new AtomicLong(startMillis);
    }

    public void advanceMillis(long deltaMillis) {
        if (deltaMillis < 0) {
            throw new IllegalArgumentException("a clock does not go back: " + deltaMillis);
        }
        nowMillis.addAndGet(deltaMillis);
    }

    @Override
    public long millis() {
        return nowMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis.get());
    }
}
