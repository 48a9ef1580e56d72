package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link TrendlineFilter} and {@link OveruseDetector} on synthetic group deltas (20 ms apart). */
class TrendlineOveruseTest {
    private static final long MS = 1_000_000L;

    /** Feeds groups whose arrival delta exceeds the send delta by {@code extraMs}; the last detector state. */
    private static DelaySignal feed(TrendlineFilter trendline, OveruseDetector detector, int groups, double extraMs,
                                    long[] arrivalNanos) {
        DelaySignal last = detector.state();
        for (int i = 0; i < groups; i++) {
            arrivalNanos[0] += (long) ((20 + extraMs) * MS);
            if (trendline.update(20 + extraMs, 20, arrivalNanos[0])) {
                last = detector.detect(trendline.slope(), 20, trendline.numDeltas(), arrivalNanos[0]);
            }
        }
        return last;
    }

    @Test
    void theSlopeOfASteadilyGrowingDelayIsItsGrowthPerMillisecond() {
        TrendlineFilter trendline = new TrendlineFilter();
        long arrival = 0;
        for (int i = 0; i < 200; i++) {
            arrival += 22 * MS;
            trendline.update(22, 20, arrival);
        }
        // 2 ms more delay per 22 ms of arrival time, once the smoothing has settled
        assertThat(trendline.slope()).isCloseTo(2.0 / 22, within(0.005));
    }

    @Test
    void aSlopeNeedsAFullWindow() {
        TrendlineFilter trendline = new TrendlineFilter();
        for (int i = 1; i < TrendlineFilter.WINDOW; i++) {
            assertThat(trendline.update(25, 20, i * 25 * MS)).isFalse();
        }
        assertThat(trendline.update(25, 20, 20 * 25 * MS)).isTrue();
    }

    @Test
    void steadyDelayIsNormalGrowingDelayIsOveruseShrinkingDelayIsUnderuse() {
        TrendlineFilter trendline = new TrendlineFilter();
        OveruseDetector detector = new OveruseDetector();
        long[] arrival = {0};
        assertThat(feed(trendline, detector, 100, 0, arrival)).isEqualTo(DelaySignal.NORMAL);
        assertThat(feed(trendline, detector, 30, 3, arrival)).isEqualTo(DelaySignal.OVERUSING);
        assertThat(feed(trendline, detector, 60, -3, arrival)).isEqualTo(DelaySignal.UNDERUSING);
        assertThat(feed(trendline, detector, 100, 0, arrival)).isEqualTo(DelaySignal.NORMAL);
    }

    @Test
    void aSingleGroupAboveTheThresholdIsNotYetOveruse() {
        OveruseDetector detector = new OveruseDetector();
        // slope 0.1 × 60 × 4 = 24 ms, above the initial 12.5 ms, once: not held for 10 ms over two groups
        assertThat(detector.detect(0.1, 20, 100, 0)).isEqualTo(DelaySignal.NORMAL);
        assertThat(detector.detect(0.1, 20, 100, 20 * MS)).isEqualTo(DelaySignal.OVERUSING);
    }

    @Test
    void aShrinkingTrendIsNotOveruse() {
        OveruseDetector detector = new OveruseDetector();
        detector.detect(0.2, 20, 100, 0);
        assertThat(detector.detect(0.15, 20, 100, 20 * MS)).isEqualTo(DelaySignal.NORMAL);
    }

    @Test
    void theThresholdAdaptsAndStaysWithinSixToSixHundredMilliseconds() {
        OveruseDetector detector = new OveruseDetector();
        for (int i = 0; i < 1000; i++) {
            detector.detect(0, 20, 100, i * 100 * MS);
        }
        assertThat(detector.thresholdMs()).isEqualTo(OveruseDetector.MIN_THRESHOLD_MS);
        // a trend just above the threshold (within the 15 ms adapt offset) raises it
        double before = detector.thresholdMs();
        detector.detect(20.0 / (60 * 4), 20, 100, 1000 * 100 * MS);
        assertThat(detector.thresholdMs()).isGreaterThan(before);
        // a spike far above is ignored
        double mid = detector.thresholdMs();
        detector.detect(10, 20, 100, 1001 * 100 * MS);
        assertThat(detector.thresholdMs()).isEqualTo(mid);
    }
}
