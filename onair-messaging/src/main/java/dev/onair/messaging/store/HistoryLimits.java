package dev.onair.messaging.store;

/**
 * How much history a room keeps: at most {@code maxMessages}, none older than {@code maxAgeMillis}. Trimming may lag a
 * little (a store trims as it appends or periodically), never by more than one trim interval.
 */
public record HistoryLimits(int maxMessages, long maxAgeMillis) {
    public static final HistoryLimits DEFAULT = new HistoryLimits(1_000, 24L * 3_600_000L);

    public HistoryLimits {
        if (maxMessages < 1 || maxAgeMillis < 1) {
            throw new IllegalArgumentException("history limits must be positive: " + maxMessages + ", " + maxAgeMillis);
        }
    }
}
