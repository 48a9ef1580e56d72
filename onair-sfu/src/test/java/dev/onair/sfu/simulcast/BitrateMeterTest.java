package dev.onair.sfu.simulcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitrateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void steadyStreamMeasuresItsRateAndSilenceDecaysToZero() {
        BitrateMeter m = new BitrateMeter();
        assertThat(m.bitrateBps(0)).isZero();
        // 1000 bytes every 10 ms = 800 kbit/s
        for (long t = 0; t < 3_000; t += 10) {
            m.add(1_000, t * MS);
        }
        assertThat(m.bitrateBps(3_000 * MS)).isBetween(780_000L, 820_000L);
        assertThat(m.bitrateBps(3_500 * MS)).as("half the window silent").isBetween(300_000L, 500_000L);
        assertThat(m.bitrateBps(4_100 * MS)).isZero();
    }

    @Test
    void aLongGapClearsOldBuckets() {
        BitrateMeter m = new BitrateMeter();
        m.add(100_000, 0);
        m.add(1_000, 10_000 * MS);
        assertThat(m.bitrateBps(10_000 * MS)).isLessThan(10_000L);
    }
}
