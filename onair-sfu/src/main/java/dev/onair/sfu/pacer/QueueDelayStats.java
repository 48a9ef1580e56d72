package dev.onair.sfu.pacer;

/**
 * Max and mean queueing delay (enqueue to socket) of the packets sent in the last completed one-second window:
 * samples go into the current window; once it is over ({@link #rollIfDue}, also called by each sample) it becomes
 * the reported one, and a window with nothing sent reports zeros. Also counts the packets dropped for waiting too
 * long. Media loop only; allocation-free.
 */
public final class QueueDelayStats {
    public static final long WINDOW_NANOS = 1_000_000_000L;

    private boolean started;
    private long windowStartNanos;
    private long maxNanos;
    private long sumNanos;
    private long count;
    private double reportedMaxMillis;
    private double reportedMeanMillis;
    private long reportedPackets;
    private long staleDrops;

    /** A packet left the queue at {@code nowNanos} after {@code delayNanos}. */
    public void onSent(long delayNanos, long nowNanos) {
        rollIfDue(nowNanos);
        long d = Math.max(0, delayNanos);
        maxNanos = Math.max(maxNanos, d);
        sumNanos += d;
        count++;
    }

    /** A packet was dropped because it waited longer than the bound. */
    public void onStaleDrop() {
        staleDrops++;
    }

    /** Ends the current window when it is over: its values become the reported ones and a new window starts. */
    public void rollIfDue(long nowNanos) {
        if (!started) {
            started = true;
            windowStartNanos = nowNanos;
            return;
        }
        long elapsed = nowNanos - windowStartNanos;
        if (elapsed < WINDOW_NANOS) {
            return;
        }
        if (elapsed >= 2 * WINDOW_NANOS) { // the window that just ended had nothing
            maxNanos = 0;
            sumNanos = 0;
            count = 0;
            windowStartNanos = nowNanos;
        } else {
            windowStartNanos += WINDOW_NANOS;
        }
        roll();
    }

    private void roll() {
        reportedMaxMillis = maxNanos / 1e6;
        reportedMeanMillis = count == 0 ? 0 : sumNanos / 1e6 / count;
        reportedPackets = count;
        maxNanos = 0;
        sumNanos = 0;
        count = 0;
    }

    /** The largest delay in the last completed window (0 when nothing was sent). */
    public double maxMillis() {
        return reportedMaxMillis;
    }

    public double meanMillis() {
        return reportedMeanMillis;
    }

    /** Packets sent in the last completed window. */
    public long packets() {
        return reportedPackets;
    }

    /** Packets dropped for waiting too long, in total. */
    public long staleDrops() {
        return staleDrops;
    }
}
