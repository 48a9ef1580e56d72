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
        assertThat(loss.update(1_000_000, 100, 0)).isEqualTo(900_000);
        assertThat(loss.lossFraction()).isEqualTo(0.2);
        assertThat(loss.decreasedLast()).isTrue();
        loss.onPackets(20, 100);
        assertThat(loss.update(900_000, 100, 300 * MS)).isEqualTo(900_000);
        loss.onPackets(20, 100);
        assertThat(loss.update(900_000, 100, 400 * MS)).isEqualTo(810_000);
    }

    @Test
    void lowLossLetsTheLimitRiseEightPercentOncePerSecond() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(20, 100);
        long limit = loss.update(1_000_000, 100, 0);
        loss.onPackets(1, 100);
        assertThat(loss.update(limit, 100, 1000 * MS)).isEqualTo(973_000);
        loss.onPackets(1, 100);
        assertThat(loss.update(973_000, 100, 1500 * MS)).isEqualTo(973_000);
    }

    @Test
    void lossBetweenTwoAndTenPercentHolds() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(30, 100);
        long limit = loss.update(1_000_000, 100, 0);
        loss.onPackets(5, 100);
        assertThat(loss.update(limit, 100, 5000 * MS)).isEqualTo(limit);
    }

    @Test
    void needsTwentyPacketsForALossFraction() {
        LossBasedController loss = new LossBasedController(CONFIG);
        loss.onPackets(10, 10);
        assertThat(loss.update(1_000_000, 100, 0)).isEqualTo(20_000_000);
        loss.onPackets(0, 10);
        assertThat(loss.update(1_000_000, 100, 0)).isEqualTo(750_000);
    }
}
