package dev.onair.transport.clock;

/** The real clock: the one place in main code that reads the JVM's clocks. */
final class SystemClock implements MediaClock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis();
    }
}
