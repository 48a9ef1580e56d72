package dev.onair.lab.quality;

/** A participant's connection quality, best first, as sent to the room and shown as a badge. */
public enum ConnectionTier {
    /** Every measure at or above the excellent thresholds. */
    EXCELLENT,
    /** Every measure at or above the good thresholds. */
    GOOD,
    /** Media flows, but some measure is below the good thresholds. */
    POOR,
    /** No packet from the participant for {@link TierPolicy#lostAfterMillis()}. */
    LOST;

    /** Whether this tier is better than another. */
    public boolean isBetterThan(ConnectionTier other) {
        return ordinal() < other.ordinal();
    }
}
