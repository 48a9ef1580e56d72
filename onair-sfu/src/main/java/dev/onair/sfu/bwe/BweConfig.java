package dev.onair.sfu.bwe;

/**
 * Limits of the send-side estimate towards one subscriber.
 *
 * @param startBitrateBps where the estimate starts before any feedback; 300 kbit/s like Chromium's default start,
 *                        low enough not to flood a narrow mobile link in the first second, and probing lifts it
 *                        within a few round trips when the link allows
 * @param minBitrateBps   the floor: enough for audio plus RTCP (30 kbit/s)
 * @param maxBitrateBps   the ceiling (20 Mbit/s): more than any subscriber's tracks want
 */
public record BweConfig(long startBitrateBps, long minBitrateBps, long maxBitrateBps) {
    public static final long DEFAULT_START_BITRATE_BPS = 300_000L;
    public static final long DEFAULT_MIN_BITRATE_BPS = 30_000L;
    public static final long DEFAULT_MAX_BITRATE_BPS = 20_000_000L;

    public BweConfig {
        if (minBitrateBps <= 0 || maxBitrateBps < minBitrateBps) {
            throw new IllegalArgumentException(
                    "need 0 < min <= max, got min=" + minBitrateBps + " max=" + maxBitrateBps);
        }
        if (startBitrateBps < minBitrateBps || startBitrateBps > maxBitrateBps) {
            throw new IllegalArgumentException("start " + startBitrateBps + " outside [" + minBitrateBps + ", "
                    + maxBitrateBps + "]");
        }
    }

    public static BweConfig defaults() {
        return new BweConfig(DEFAULT_START_BITRATE_BPS, DEFAULT_MIN_BITRATE_BPS, DEFAULT_MAX_BITRATE_BPS);
    }

    long clamp(long bps) {
        return Math.max(minBitrateBps, Math.min(maxBitrateBps, bps));
    }
}
