package dev.onair.bench.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: with 20 samples p50 is the 10th smallest and p95 the 19th, whatever the order. */
class LatencySummaryTest {

    @Test
    void twentySamplesInAnyOrderGiveTheTenthAndNineteenthSmallest() {
        List<Double> samples = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            samples.add(i * 10.0);
        }
        Collections.shuffle(samples, new Random(3));
        LatencySummary s = LatencySummary.of(samples);
        assertThat(s.count()).isEqualTo(20);
        assertThat(s.p50Millis()).isEqualTo(100.0);
        assertThat(s.p95Millis()).isEqualTo(190.0);
        assertThat(s.maxMillis()).isEqualTo(200.0);
    }

    @Test
    void oneSampleIsEveryPercentileAndNoneIsAnError() {
        LatencySummary s = LatencySummary.of(List.of(42.5));
        assertThat(s.p50Millis()).isEqualTo(42.5);
        assertThat(s.p95Millis()).isEqualTo(42.5);
        assertThatThrownBy(() -> LatencySummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
