package dev.onair.sfu.rtx;

/**
 * The timing rules of retransmission, from the round-trip time to the peer (default 100 ms while unknown):
 * a packet is worth resending while it is younger than {@link #usefulAgeNanos} (four round trips, at least
 * 1 s, at most the cache's 1 s: as libwebrtc's send history, whatever is still kept is resent), and one packet is
 * resent to one receiver at most once per {@link #resendIntervalNanos} (one round trip, at least 10 ms).
 *
 * <p>The floor was 250 ms. At 5 % loss and 80 ms RTT (the quality bench's loss5-rtt80) a packet whose resend is
 * lost too is asked for a third time some 300–400 ms after it was first sent; refused as too old, the receiver
 * could not complete the frame and waited seconds for a keyframe (3.2 s freezes, with the report's
 * {@code retransmissionMissed} counting the refusals), where one late resend costs a freeze of a few hundred ms.
 */
public final class RetransmissionTimers {
    public static final long DEFAULT_RTT_NANOS = 100_000_000L;
    public static final long MIN_USEFUL_AGE_NANOS = 1_000_000_000L;
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
