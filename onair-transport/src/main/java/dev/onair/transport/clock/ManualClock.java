package dev.onair.transport.clock;

import java.util.concurrent.TimeUnit;

/** A clock that moves only when told to; for tests and deterministic simulations. */
public final class ManualClock implements MediaClock {
    private volatile long nanos;
    private volatile long wallMillisAtZero;

    public ManualClock() {
        this(1_000_000_000L, 1_700_000_000_000L);
    }

    public ManualClock(long startNanos, long wallMillisAtStart) {
        this.nanos = startNanos;
        this.wallMillisAtZero = wallMillisAtStart - startNanos / 1_000_000L;
    }

    public void advance(long amount, TimeUnit unit) {
        nanos += unit.toNanos(amount);
    }

    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long wallMillis() {
        return wallMillisAtZero + nanos / 1_000_000L;
    }
}
