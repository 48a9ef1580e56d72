package dev.onair.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionTierTrackerTest {

    private static final long SECOND = 1_000_000_000L;

    private final ConnectionTierTracker tracker = new ConnectionTierTracker(TierPolicy.defaults());

    private static QualitySample sample(double mos, long nowNanos) {
        return new QualitySample(mos, 95, 80, 0.5, nowNanos);
    }

    @Test
    void firstSampleSetsTheTierAtOnce() {
        assertThat(tracker.tier()).isEqualTo(ConnectionTier.GOOD);
        assertThat(tracker.update(sample(4.3, 0), 0)).isEqualTo(ConnectionTier.EXCELLENT);
    }

    @Test
    void classifiesByTheWorstMeasure() {
        assertThat(tracker.classify(new QualitySample(4.3, 95, 80, 0.5, 0), 0)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.classify(new QualitySample(4.3, 70, 80, 0.5, 0), 0)).isEqualTo(ConnectionTier.GOOD);
        assertThat(tracker.classify(new QualitySample(4.3, 95, 450, 0.5, 0), 0)).isEqualTo(ConnectionTier.GOOD);
        assertThat(tracker.classify(new QualitySample(4.3, 95, 80, 12, 0), 0)).isEqualTo(ConnectionTier.POOR);
        assertThat(tracker.classify(new QualitySample(3.0, 95, 80, 0.5, 0), 0)).isEqualTo(ConnectionTier.POOR);
        // a measure that does not apply is ignored; an unknown RTT is bad
        assertThat(tracker.classify(new QualitySample(Double.NaN, Double.NaN, 80, 0.5, 0), 0))
                .isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.classify(new QualitySample(4.3, 95, Double.NaN, 0.5, 0), 0))
                .isEqualTo(ConnectionTier.POOR);
    }

    @Test
    void doesNotFlapWhenAMeasureOscillatesAroundAThreshold() {
        long now = 0;
        tracker.update(sample(3.95, now), now);
        assertThat(tracker.tier()).isEqualTo(ConnectionTier.GOOD);
        int changes = 0;
        ConnectionTier last = tracker.tier();
        for (int i = 1; i <= 120; i++) {
            now = i * SECOND;
            ConnectionTier t = tracker.update(sample(i % 2 == 0 ? 3.95 : 4.05, now), now);
            if (t != last) {
                changes++;
                last = t;
            }
        }
        assertThat(changes).isZero();
        assertThat(tracker.tier()).isEqualTo(ConnectionTier.GOOD);
    }

    @Test
    void marginKeepsAnExcellentParticipantExcellentJustBelowTheThreshold() {
        tracker.update(sample(4.3, 0), 0);
        for (int i = 1; i <= 60; i++) {
            long now = i * SECOND;
            assertThat(tracker.update(sample(i % 2 == 0 ? 3.92 : 4.05, now), now)).isEqualTo(ConnectionTier.EXCELLENT);
        }
        // below the relaxed threshold for longer than the downgrade hold: down
        assertThat(tracker.update(sample(3.85, 61 * SECOND), 61 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(3.85, 62 * SECOND), 62 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(3.85, 63 * SECOND), 63 * SECOND)).isEqualTo(ConnectionTier.GOOD);
    }

    @Test
    void upgradesOnlyAfterTheUpgradeHold() {
        tracker.update(sample(3.0, 0), 0);
        assertThat(tracker.tier()).isEqualTo(ConnectionTier.POOR);
        for (int i = 1; i <= 5; i++) {
            assertThat(tracker.update(sample(4.3, i * SECOND), i * SECOND)).as("second %s", i)
                    .isEqualTo(ConnectionTier.POOR);
        }
        assertThat(tracker.update(sample(4.3, 6 * SECOND), 6 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
    }

    @Test
    void aBriefDipDoesNotDowngrade() {
        tracker.update(sample(4.3, 0), 0);
        assertThat(tracker.update(sample(3.0, SECOND), SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(3.0, 2 * SECOND), 2 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(4.3, 3 * SECOND), 3 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        // a sustained drop goes down after 2 s
        assertThat(tracker.update(sample(3.0, 4 * SECOND), 4 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(3.0, 5 * SECOND), 5 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(3.0, 6 * SECOND), 6 * SECOND)).isEqualTo(ConnectionTier.POOR);
    }

    @Test
    void lostWhenNoPacketsForTheLostTimeThenRecoversAtOnce() {
        tracker.update(sample(4.3, 0), 0);
        long lastPacket = 10 * SECOND;
        assertThat(tracker.update(sample(4.3, lastPacket), 14 * SECOND)).isEqualTo(ConnectionTier.EXCELLENT);
        assertThat(tracker.update(sample(4.3, lastPacket), 15 * SECOND)).isEqualTo(ConnectionTier.LOST);
        assertThat(tracker.update(sample(4.3, lastPacket), 30 * SECOND)).isEqualTo(ConnectionTier.LOST);
        assertThat(tracker.update(sample(3.7, 31 * SECOND), 31 * SECOND)).isEqualTo(ConnectionTier.GOOD);
    }

    @Test
    void policyRejectsInconsistentThresholds() {
        assertThatThrownBy(() -> new TierPolicy(3.0, 3.6, 80, 50, 300, 600, 2, 8, 0.1, 5, 50, 1, 2000, 5000, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierPolicy(4.0, 3.6, 80, 50, 300, 600, 2, 8, 0.1, 5, 50, 1, 2000, 5000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
