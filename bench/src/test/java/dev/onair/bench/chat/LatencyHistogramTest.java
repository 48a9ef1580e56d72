package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesOfOneToAHundredMillis() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 100; i >= 1; i--) {
            h.record(i * MS);
        }
        assertThat(h.count()).isEqualTo(100);
        // 50 ms lies on a bucket's lower edge, so it reads as that bucket's upper edge
        assertThat(h.percentileMillis(50)).isCloseTo(50.1, within(1e-9));
        assertThat(h.percentileMillis(99)).isCloseTo(99.1, within(1e-9));
        assertThat(h.percentileMillis(100)).isCloseTo(100.0, within(1e-9)); // capped at the exact max
        assertThat(h.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void mergeAddsCountsAndKeepsTheLargestMax() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            a.record(2 * MS + 30_000);
        }
        b.record(70_000 * MS); // beyond the range: the last bucket, exact max
        a.merge(b);
        assertThat(a.count()).isEqualTo(100);
        assertThat(a.percentileMillis(99)).isCloseTo(2.1, within(1e-9));
        assertThat(a.percentileMillis(100)).isEqualTo(70_000.0);
        assertThat(a.maxMillis()).isEqualTo(70_000.0);
    }

    @Test
    void emptyReadsZero() {
        assertThat(new LatencyHistogram().percentileMillis(99)).isZero();
    }
}
