package dev.onair.lab.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DelayAndDuplicationTest {
    private static final long GAP_NANOS = 5_000_000; // 200 datagrams per second

    private static ImpairmentProfile jittery(boolean reorder, JitterDistribution distribution) {
        // jitter (sd 20 ms) far above the 5 ms gap between datagrams
        return ImpairmentProfile.builder().delayMillis(50).jitterMillis(20).jitterDistribution(distribution)
                .reorderAllowed(reorder).build();
    }

    @Test
    void withoutReorderingDeliveryTimesNeverGoBackwards() {
        for (JitterDistribution distribution : JitterDistribution.values()) {
            Impairment impairment = Impairment.create(jittery(false, distribution), 8, 0);
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < 50_000; i++) {
                long now = i * GAP_NANOS;
                Verdict v = impairment.decide(now, 1000);
                assertThat(v.deliverAtNanos()).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(now);
                previous = v.deliverAtNanos();
            }
        }
    }

    @Test
    void withReorderingJitterAboveTheGapReorders() {
        Impairment impairment = Impairment.create(jittery(true, JitterDistribution.NORMAL), 8, 0);
        long previous = Long.MIN_VALUE;
        int inversions = 0;
        for (int i = 0; i < 10_000; i++) {
            long now = i * GAP_NANOS;
            Verdict v = impairment.decide(now, 1000);
            assertThat(v.deliverAtNanos()).isGreaterThanOrEqualTo(now);
            if (v.deliverAtNanos() < previous) {
                inversions++;
            }
            previous = v.deliverAtNanos();
        }
        // successive delays differ by N(0, 28 ms); inverted when that exceeds the 5 ms gap: ~43 % of pairs
        assertThat(inversions).isBetween(3_000, 5_500);
    }

    @Test
    void normalJitterHasTheConfiguredMeanAndSpreadAndIsTruncated() {
        Impairment impairment = Impairment.create(jittery(true, JitterDistribution.NORMAL), 9, 0);
        int n = 100_000;
        double sum = 0;
        double sumSquares = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            long now = i * GAP_NANOS;
            double delayMillis = (impairment.decide(now, 1000).deliverAtNanos() - now) / 1e6;
            sum += delayMillis;
            sumSquares += delayMillis * delayMillis;
            max = Math.max(max, delayMillis);
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSquares / n - mean * mean);
        assertThat(mean).isCloseTo(50, within(0.5));
        // truncation at ±3σ shrinks the sd by 1.4 %
        assertThat(sd).isCloseTo(20 * 0.9865, within(0.4));
        assertThat(max).isLessThanOrEqualTo(50 + 3 * 20 + 1e-6);
    }

    @Test
    void uniformJitterStaysInItsBand() {
        Impairment impairment = Impairment.create(jittery(true, JitterDistribution.UNIFORM), 9, 0);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < 20_000; i++) {
            long now = i * GAP_NANOS;
            double delayMillis = (impairment.decide(now, 1000).deliverAtNanos() - now) / 1e6;
            min = Math.min(min, delayMillis);
            max = Math.max(max, delayMillis);
        }
        assertThat(min).isBetween(30.0, 30.5);
        assertThat(max).isBetween(69.5, 70.0);
    }

    @Test
    void constantDelayWithoutJitter() {
        Impairment impairment = Impairment.create(ImpairmentProfile.builder().delayMillis(25).build(), 1, 0);
        assertThat(impairment.decide(1_000_000, 100).deliverAtNanos()).isEqualTo(26_000_000);
    }

    @Test
    void duplicationHappensAtTheConfiguredRate() {
        Impairment impairment = Impairment.create(
                ImpairmentProfile.builder().duplicateProbability(0.05).delayMillis(10).build(), 4, 0);
        int n = 100_000;
        int duplicated = 0;
        for (int i = 0; i < n; i++) {
            long now = i * GAP_NANOS;
            Verdict v = impairment.decide(now, 500);
            assertThat(v.dropped()).isFalse();
            if (v.duplicated()) {
                duplicated++;
                assertThat(v.duplicateAtNanos()).isEqualTo(now + 10_000_000);
            } else {
                assertThat(v.duplicateAtNanos()).isEqualTo(-1);
            }
        }
        assertThat(duplicated / (double) n).isCloseTo(0.05, within(0.005));
        assertThat(impairment.duplicates()).isEqualTo(duplicated);
    }
}
