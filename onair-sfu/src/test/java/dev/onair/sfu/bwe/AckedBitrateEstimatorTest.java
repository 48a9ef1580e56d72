package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckedBitrateEstimatorTest {
    private static final long MS = 1_000_000L;

    @Test
    void measuresWhatArrivesOverTheWindow() {
        AckedBitrateEstimator acked = new AckedBitrateEstimator();
        // 1000 bytes every 8 ms = 1 Mbit/s
        for (int i = 0; i < 200; i++) {
            acked.onPacket(5_000 * MS + i * 8 * MS, 1000);
        }
        assertThat(acked.update()).isBetween(980_000L, 1_040_000L);
        // then 2 Mbit/s: after one window only the new rate counts
        long t = 5_000 * MS + 200 * 8 * MS;
        for (int i = 0; i < 100; i++) {
            acked.onPacket(t + i * 4 * MS, 1000);
        }
        assertThat(acked.update()).isBetween(1_960_000L, 2_080_000L);
    }

    @Test
    void unknownUntilAHundredMillisecondsOfArrivals() {
        AckedBitrateEstimator acked = new AckedBitrateEstimator();
        for (int i = 0; i < 10; i++) {
            acked.onPacket(i * 8 * MS, 1000);
        }
        assertThat(acked.update()).isZero();
    }

    @Test
    void aJumpOfTheArrivalClockStartsOver() {
        AckedBitrateEstimator acked = new AckedBitrateEstimator();
        for (int i = 0; i < 100; i++) {
            acked.onPacket(i * 8 * MS, 1000);
        }
        long before = acked.update();
        acked.onPacket(60_000 * MS, 50_000);
        acked.onPacket(60_001 * MS, 50_000);
        // a fresh start with 1 ms of history: the old value is kept, not 800 Mbit/s
        assertThat(acked.update()).isEqualTo(before);
        acked.onPacket(-60_000 * MS, 1000);
        assertThat(acked.update()).isEqualTo(before);
    }
}
