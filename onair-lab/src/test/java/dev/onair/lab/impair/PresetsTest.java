package dev.onair.lab.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PresetsTest {
    private static final long MS = 1_000_000;

    /** Measured behaviour of a preset over {@code seconds} of 1200-byte datagrams every {@code gapMillis}. */
    private record Measured(double lossRatio, double meanDelayMillis, long blackouts, long queueDrops,
            double duplicateRatio, double deliveredBps) {
    }

    private static Measured measure(String name, double gapMillis, int seconds) {
        Scenario scenario = Presets.named(name).orElseThrow();
        Impairment impairment = Impairment.create(scenario, 2024, 0);
        long gap = Math.round(gapMillis * MS);
        long n = seconds * 1_000L * MS / gap;
        long lost = 0;
        long delivered = 0;
        double delaySum = 0;
        long lastDelivery = 0;
        for (long i = 0; i < n; i++) {
            Verdict v = impairment.decide(i * gap, 1200);
            if (v.dropped()) {
                lost++;
            } else {
                delivered++;
                delaySum += (v.deliverAtNanos() - i * gap) / 1e6;
                lastDelivery = Math.max(lastDelivery, v.deliverAtNanos());
            }
        }
        return new Measured(lost / (double) n, delaySum / delivered, impairment.drops(DropReason.BLACKOUT),
                impairment.drops(DropReason.QUEUE_FULL), impairment.duplicates() / (double) delivered,
                delivered * 1200 * 8 * 1e9 / lastDelivery);
    }

    @Test
    void everyNamedPresetExists() {
        assertThat(Presets.names()).containsExactly("lte-good", "lte-congested", "3g", "wifi-crowded",
                "subway-handover");
        for (String name : Presets.names()) {
            Scenario scenario = Presets.named(name).orElseThrow();
            assertThat(scenario.name()).isEqualTo(name);
            assertThat(Impairment.create(scenario, 1, 0).enabled()).isTrue();
        }
        assertThat(Presets.named("nope")).isEmpty();
        assertThat(Presets.named(null)).isEmpty();
    }

    @Test
    void lteGoodHasLowLossAndItsDelayUnderLightLoad() {
        // 1 Mbit/s offered to 12 Mbit/s: no queueing, so loss is the 0.2 % Bernoulli and delay ≈ 30 ms + 0.8 ms
        Measured m = measure(Presets.LTE_GOOD, 9.6, 300);
        assertThat(m.lossRatio()).isCloseTo(0.002, within(0.001));
        assertThat(m.meanDelayMillis()).isBetween(30.0, 33.0);
        assertThat(m.queueDrops()).isZero();
    }

    @Test
    void lteCongestedLosesInBurstsAndQueuesToItsRateUnderOverload() {
        Measured light = measure(Presets.LTE_CONGESTED, 20, 600); // 480 kbit/s: below 1.5 Mbit/s
        assertThat(light.lossRatio()).isCloseTo(0.03, within(0.006));
        assertThat(light.queueDrops()).isZero();
        Measured overload = measure(Presets.LTE_CONGESTED, 3, 60); // 3.2 Mbit/s offered
        assertThat(overload.deliveredBps()).isCloseTo(1_500_000, within(75_000.0));
        assertThat(overload.queueDrops()).isPositive();
        // a full 400 ms queue plus the 60 ms base delay (in-order delivery adds a little)
        assertThat(overload.meanDelayMillis()).isBetween(440.0, 520.0);
    }

    @Test
    void threeGHasItsRateAndLoss() {
        Measured light = measure(Presets.THREE_G, 40, 600); // 240 kbit/s
        assertThat(light.lossRatio()).isCloseTo(0.01, within(0.003));
        assertThat(light.meanDelayMillis()).isBetween(100.0, 115.0);
        Measured overload = measure(Presets.THREE_G, 5, 60); // 1.9 Mbit/s offered
        assertThat(overload.deliveredBps()).isCloseTo(750_000, within(37_500.0));
    }

    @Test
    void wifiCrowdedLosesAboutTwoPercentAndDuplicates() {
        LossSpec.GilbertElliott ge = (LossSpec.GilbertElliott) Presets.named(Presets.WIFI_CROWDED).orElseThrow()
                .base().loss();
        Measured m = measure(Presets.WIFI_CROWDED, 10, 600);
        assertThat(m.lossRatio()).isCloseTo(ge.meanLossRatio(), within(0.2 * ge.meanLossRatio()));
        assertThat(ge.meanLossRatio()).isBetween(0.015, 0.025);
        assertThat(m.duplicateRatio()).isCloseTo(0.005, within(0.0015));
    }

    @Test
    void subwayHandoverBlacksOutOnSchedule() {
        Scenario s = Presets.named(Presets.SUBWAY_HANDOVER).orElseThrow();
        Impairment impairment = Impairment.create(s, 1, 0);
        for (int loop = 0; loop < 3; loop++) {
            long base = loop * 30_000L;
            assertThat(impairment.decide((base + 9_999) * MS, 100).dropReason()).isNotEqualTo(DropReason.BLACKOUT);
            assertThat(impairment.decide((base + 10_000) * MS, 100).dropReason()).isEqualTo(DropReason.BLACKOUT);
            assertThat(impairment.decide((base + 10_049) * MS, 100).dropReason()).isEqualTo(DropReason.BLACKOUT);
            assertThat(impairment.decide((base + 10_050) * MS, 100).dropReason()).isNotEqualTo(DropReason.BLACKOUT);
            assertThat(impairment.decide((base + 25_000) * MS, 100).dropReason()).isEqualTo(DropReason.BLACKOUT);
            assertThat(impairment.decide((base + 26_999) * MS, 100).dropReason()).isEqualTo(DropReason.BLACKOUT);
            assertThat(impairment.decide((base + 27_000) * MS, 100).dropReason()).isNotEqualTo(DropReason.BLACKOUT);
        }
        // 10 ms packets for 5 min: (50 + 2000) ms blacked out per 30 s
        Measured m = measure(Presets.SUBWAY_HANDOVER, 10, 300);
        assertThat(m.blackouts()).isEqualTo(10 * (5 + 200));
    }
}
