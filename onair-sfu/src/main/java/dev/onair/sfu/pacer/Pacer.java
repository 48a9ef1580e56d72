package dev.onair.sfu.pacer;

/**
 * A leaky-bucket media budget: bytes become sendable at the pacing rate, up to a small burst allowance (about 5 ms
 * worth, at least one full packet). A packet may go whenever the budget is positive, even if it is larger than
 * the budget: the budget then goes into debt by the excess, and the debt is paid back at the pacing rate before
 * the next packet. So any packet goes out eventually at any rate, and over a long burst the bytes sent follow the
 * rate within one packet plus the burst. The rate never drops below {@link #MIN_RATE_BPS}, so a stalled estimate
 * cannot hold a queue forever. Media loop only; time passed in.
 */
public final class Pacer {
    /** The lowest pacing rate, whatever the estimate says. */
    public static final long MIN_RATE_BPS = 50_000;
    /** The default burst window. */
    public static final long DEFAULT_BURST_NANOS = 5_000_000;
    /** The burst allowance is never smaller than one full packet. */
    public static final int MIN_BURST_BYTES = 1500;

    private final long burstNanos;
    private long rateBps;
    private double budgetBytes;
    private long lastNanos;
    private boolean started;

    /** A pacer with a 5 ms burst window. */
    public Pacer(long initialRateBps) {
        this(initialRateBps, DEFAULT_BURST_NANOS);
    }

    public Pacer(long initialRateBps, long burstNanos) {
        if (burstNanos < 0) {
            throw new IllegalArgumentException("burstNanos must not be negative");
        }
        this.burstNanos = burstNanos;
        setPacingRateBps(initialRateBps);
    }

    /** Sets the rate (clamped to at least {@link #MIN_RATE_BPS}); the budget already earned is kept. */
    public void setPacingRateBps(long bps) {
        rateBps = Math.max(MIN_RATE_BPS, bps);
    }

    public long pacingRateBps() {
        return rateBps;
    }

    /** Whether a packet of {@code bytes} may be released now. */
    public boolean mayRelease(int bytes, long nowNanos) {
        refill(nowNanos);
        return budgetBytes > 0;
    }

    /** A packet of {@code bytes} was released (sent or given to the socket) at {@code nowNanos}. */
    public void onReleased(int bytes, long nowNanos) {
        refill(nowNanos);
        budgetBytes -= bytes;
    }

    /** When {@link #mayRelease} will next say yes: {@code nowNanos} when it already would. */
    public long nextReleaseNanos(long nowNanos) {
        refill(nowNanos);
        if (budgetBytes > 0) {
            return nowNanos;
        }
        double nanos = (-budgetBytes + 1) * 8 * 1e9 / rateBps;
        return nowNanos + (long) Math.ceil(nanos);
    }

    /** The current budget in bytes (negative: debt). */
    public double budgetBytes() {
        return budgetBytes;
    }

    private void refill(long nowNanos) {
        double cap = Math.max(MIN_BURST_BYTES, rateBps * (double) burstNanos / 8e9);
        if (!started) {
            started = true;
            lastNanos = nowNanos;
            budgetBytes = cap;
            return;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed <= 0) {
            return;
        }
        lastNanos = nowNanos;
        budgetBytes = Math.min(cap, budgetBytes + rateBps * (double) elapsed / 8e9);
    }
}
