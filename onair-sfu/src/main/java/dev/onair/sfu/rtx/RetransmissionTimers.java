package dev.onair.sfu.rtx;

/**
 * The timing rules of retransmission, from the round-trip time to the peer (default 100 ms while unknown):
 * a packet is worth resending while it is younger than {@link #usefulAgeNanos} (four round trips, at least
 * 250 ms, at most the cache's 1 s), and one packet is resent to one receiver at most once per
 * {@link #resendIntervalNanos} (one round trip, at least 10 ms).
 */
public final class RetransmissionTimers {
    public static final long DEFAULT_RTT_NANOS = 100_000_000L;
    public static final long MIN_USEFUL_AGE_NANOS = 250_000_000L;
    public static final long MIN_RESEND_INTERVAL_NANOS = 10_000_000L;

    private RetransmissionTimers() {
    }

    public static long usefulAgeNanos(long rttNanos) {
        return Math.min(RetransmissionCache.DEFAULT_MAX_AGE_NANOS, Math.max(MIN_USEFUL_AGE_NANOS, 4 * rttNanos));
    }

    public static long resendIntervalNanos(long rttNanos) {
        return Math.max(MIN_RESEND_INTERVAL_NANOS, rttNanos);
    }
}
