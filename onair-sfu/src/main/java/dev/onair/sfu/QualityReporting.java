package dev.onair.sfu;

import dev.onair.sfu.api.QualityAssessor;

/**
 * Connection-quality events: who judges the tiers and how often the room hears them.
 *
 * @param assessor       turns a participant's telemetry into a tier (see {@link QualityAssessor})
 * @param intervalMillis a {@code ConnectionQuality} event goes to each room this often, and at once on a change
 */
public record QualityReporting(QualityAssessor assessor, long intervalMillis) {
    public static final long DEFAULT_INTERVAL_MILLIS = 3_000;

    public QualityReporting {
        if (assessor == null) {
            throw new IllegalArgumentException("assessor is required");
        }
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("intervalMillis must be positive");
        }
    }
}
