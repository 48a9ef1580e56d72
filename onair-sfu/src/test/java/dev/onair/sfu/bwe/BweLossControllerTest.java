package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BweLossControllerTest {
    private static final long MS = 1_000_000L;
    private static final BweConfig CONFIG = new BweConfig(1_000_000, 30_000, 20_000_000);

    @Test
    void highLossCutsByHalfTheLossFractionAtMostOncePerIntervalPlusRtt() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(20, 100);
        assertThat(loss.update(1_000_000, 0, 100, 0)).isEqualTo(900_000);
        assertThat(loss.lossFraction()).isEqualTo(0.2);
        assertThat(loss.decreasedLast()).isTrue();
        loss.onPackets(20, 100);
        assertThat(loss.update(900_000, 0, 100, 300 * MS)).isEqualTo(900_000);
        loss.onPackets(20, 100);
        assertThat(loss.update(900_000, 0, 100, 400 * MS)).isEqualTo(810_000);
    }

    @Test
    void aCutNeverGoesBelowWhatTheLinkJustDelivered() {
        // A 1 Mbit/s link overrun at 2.5 Mbit/s: 60 % lost, 1 Mbit/s acked. The cut alone would go to 0.7 x 2.5M =
        // 1.75M and, with the burst's losses still in the next windows, on down to a fraction of the link.
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(60, 100);
        assertThat(loss.update(2_500_000, 1_000_000, 100, 0)).isEqualTo(1_750_000);
        loss.onPackets(60, 100);
        assertThat(loss.update(1_750_000, 1_000_000, 100, 400 * MS)).isEqualTo(1_225_000);
        loss.onPackets(60, 100);
        // 1.1 Mbit/s acked now: 0.85 x 1.1M = 935k, not 0.7 x 1.225M = 857.5k
        assertThat(loss.update(1_225_000, 1_100_000, 100, 800 * MS)).isEqualTo(935_000);
        assertThat(loss.decreasedLast()).isTrue();
        // Without an acked rate there is no floor.
        LossBasedController unknown = new LossBasedController(CONFIG);
        unknown.onPackets(60, 100);
        assertThat(unknown.update(1_000_000, 0, 100, 0)).isEqualTo(700_000);
    }

    @Test
    void lowLossLetsTheLimitRiseEightPercentOncePerSecond() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(20, 100);
        long limit = loss.update(1_000_000, 0, 100, 0);
        loss.onPackets(1, 100);
        assertThat(loss.update(limit, 0, 100, 1000 * MS)).isEqualTo(973_000);
        loss.onPackets(1, 100);
        assertThat(loss.update(973_000, 0, 100, 1500 * MS)).isEqualTo(973_000);
    }

    @Test
    void lossBetweenTwoAndTenPercentHolds() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(30, 100);
        long limit = loss.update(1_000_000, 0, 100, 0);
        loss.onPackets(5, 100);
        assertThat(loss.update(limit, 0, 100, 5000 * MS)).isEqualTo(limit);
    }

    @Test
    void needsAHundredPacketsForALossFraction() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(50, 50);
        assertThat(loss.update(1_000_000, 0, 100, 0)).isEqualTo(20_000_000);
        loss.onPackets(0, 50);
        assertThat(loss.update(1_000_000, 0, 100, 0)).isEqualTo(750_000);
    }

    @Test
    void fivePercentRandomLossAloneRarelyCutsTheLimit() {
        // 60 s of a 700 kbit/s video and audio (~120 packets/s) with 5 % Bernoulli loss, reported in transport-wide
        // feedback of 8 packets every ~66 ms, as in the quality bench's loss5-rtt80.
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        LossBasedController loss = new LossBasedController(CONFIG);
        int decreases = 0;
        long estimate = 1_000_000;
        for (int i = 0; i < 900; i++) {
            int lost = 0;
            for (int p = 0; p < 8; p++) {
                lost += random.nextDouble() < 0.05 ? 1 : 0;
            }
            loss.onPackets(lost, 8);
            loss.update(estimate, 0, 80, i * 66 * MS);
            decreases += loss.decreasedLast() ? 1 : 0;
        }
        // Expected ~0.8 (72 windows × 1.1 %); 20-packet windows gave ~27 (360 × 7.5 %).
        assertThat(decreases).isLessThanOrEqualTo(3);
    }
}
