package dev.onair.messaging.service;

/** A token bucket on an injected time: {@code burst} tokens, refilled at {@code perSecond}. Thread-safe. */
final class TokenBucket {
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long lastMillis;

    TokenBucket(double perSecond, int burst, long nowMillis) {
        this.perMilli = perSecond / 1_000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastMillis = nowMillis;
    }

    /** Takes a token: 0 when taken, else the milliseconds until one is due (nothing taken). */
    synchronized long tryTake(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(burst, tokens + (nowMillis - lastMillis) * perMilli);
            lastMillis = nowMillis;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1.0 - tokens) / perMilli));
    }
}
