package dev.onair.lab.impair;

import java.util.Arrays;

/**
 * A Mahimahi link trace (K. Winstein et al., "Mahimahi: Accurate Record-and-Replay for HTTP", USENIX ATC 2015;
 * {@code mm-link(1)}): each entry is a millisecond timestamp at which one delivery opportunity of
 * {@value #BYTES_PER_OPPORTUNITY} bytes occurs. The trace loops: its period is the last timestamp, so
 * opportunity {@code j} happens at {@code (j / n) · period + t[j % n]}. Unused opportunities are lost; a packet
 * may use the rest of an opportunity a previous packet started (byte accounting, as mm-link does).
 *
 * <p>Parse files with {@code dev.onair.lab.impair.parse.MahimahiTraceParser}.
 */
public final class MahimahiTrace {
    /** Bytes one delivery opportunity can carry (one MTU-sized packet). */
    public static final int BYTES_PER_OPPORTUNITY = 1500;

    private final String name;
    private final long[] timestampsNanos;
    private final long periodNanos;

    private MahimahiTrace(String name, long[] timestampsNanos) {
        this.name = name;
        this.timestampsNanos = timestampsNanos;
        this.periodNanos = timestampsNanos[timestampsNanos.length - 1];
    }

    /**
     * A trace from millisecond timestamps: at least one, non-negative, non-decreasing, the last one &gt; 0.
     *
     * @throws IllegalArgumentException when they are not
     */
    public static MahimahiTrace of(String name, long[] timestampsMillis) {
        if (timestampsMillis.length == 0) {
            throw new IllegalArgumentException("a trace needs at least one timestamp");
        }
        long[] nanos = new long[timestampsMillis.length];
        long previous = 0;
        for (int i = 0; i < timestampsMillis.length; i++) {
            long t = timestampsMillis[i];
            if (t < previous || t > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timestamps must be non-decreasing and in [0, 2^31), entry " + i
                        + " is " + t);
            }
            nanos[i] = t * 1_000_000L;
            previous = t;
        }
        if (previous == 0) {
            throw new IllegalArgumentException("the last timestamp must be > 0 (it is the trace's period)");
        }
        return new MahimahiTrace(name, nanos);
    }

    /** A name for reports (usually the file name). */
    public String name() {
        return name;
    }

    /** Number of delivery opportunities in one period. */
    public int opportunitiesPerPeriod() {
        return timestampsNanos.length;
    }

    /** The loop period in nanoseconds (the last timestamp). */
    public long periodNanos() {
        return periodNanos;
    }

    /** The mean rate the trace allows, in bits per second. */
    public double meanRateBps() {
        return timestampsNanos.length * (double) BYTES_PER_OPPORTUNITY * 8 * 1e9 / periodNanos;
    }

    /** The time of opportunity {@code index} (0-based, across loops), relative to the trace's start. */
    public long opportunityTimeNanos(long index) {
        int n = timestampsNanos.length;
        return (index / n) * periodNanos + timestampsNanos[(int) (index % n)];
    }

    /** The index of the first opportunity at or after {@code offsetNanos} (≥ 0) from the trace's start. */
    public long firstOpportunityAtOrAfter(long offsetNanos) {
        if (offsetNanos <= 0) {
            return 0;
        }
        // choose the loop so that the remainder lies in (0, period]: the last entry (== period) then bounds it
        long loop = (offsetNanos - 1) / periodNanos;
        long remainder = offsetNanos - loop * periodNanos;
        int i = Arrays.binarySearch(timestampsNanos, remainder);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && timestampsNanos[i - 1] == remainder) {
                i--;
            }
        }
        return loop * timestampsNanos.length + i;
    }

    @Override
    public String toString() {
        return "MahimahiTrace[" + name + ", " + timestampsNanos.length + " opportunities / "
                + periodNanos / 1_000_000 + " ms, " + Math.round(meanRateBps()) + " bps]";
    }
}
