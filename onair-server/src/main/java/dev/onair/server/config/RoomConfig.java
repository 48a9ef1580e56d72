package dev.onair.server.config;

import dev.onair.sfu.room.RoomPolicy;

/**
 * Turns the {@code rooms:} section of the config file into the SFU's {@link RoomPolicy}: seconds to
 * milliseconds, missing keys from {@link RoomPolicy#DEFAULT}, and the bounds checked with a one-line
 * {@link ConfigException}.
 */
public final class RoomConfig {
    /** The longest resume window: a dropped participant holds its place (and its tracks) at most this long. */
    public static final int MAX_RESUME_WINDOW_SECONDS = 300;

    private RoomConfig() {
    }

    /** The policy the section describes; null (no section) gives {@link RoomPolicy#DEFAULT}. */
    public static RoomPolicy from(ConfigFile.Rooms section) {
        if (section == null) {
            return RoomPolicy.DEFAULT;
        }
        RoomPolicy d = RoomPolicy.DEFAULT;
        long emptyMillis = seconds("rooms.emptyTimeoutSeconds", section.emptyTimeoutSeconds(),
                d.emptyTimeoutMillis(), null);
        long resumeMillis = seconds("rooms.resumeWindowSeconds", section.resumeWindowSeconds(),
                d.resumeWindowMillis(), MAX_RESUME_WINDOW_SECONDS);
        int maxVideo = section.maxVideoPerSubscriber() == null ? d.maxVideoPerSubscriber()
                : nonNegative("rooms.maxVideoPerSubscriber", section.maxVideoPerSubscriber());
        return new RoomPolicy(emptyMillis, resumeMillis, maxVideo);
    }

    /** Seconds as milliseconds; {@code maxSeconds} null: no upper bound. */
    private static long seconds(String key, Integer seconds, long defaultMillis, Integer maxSeconds) {
        if (seconds == null) {
            return defaultMillis;
        }
        nonNegative(key, seconds);
        if (maxSeconds != null && seconds > maxSeconds) {
            throw new ConfigException(key + " must be at most " + maxSeconds + ", got " + seconds);
        }
        return seconds * 1000L;
    }

    private static int nonNegative(String key, int value) {
        if (value < 0) {
            throw new ConfigException(key + " must not be negative, got " + value);
        }
        return value;
    }
}
