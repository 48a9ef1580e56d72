package dev.onair.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VideoScoreTest {

    private static final double FPS = 30;
    private static final double PIXELS = 1280 * 720;

    @Test
    void perfectIsOneHundred() {
        assertThat(VideoScore.score(VideoConditions.perfect(FPS, PIXELS))).isCloseTo(100, within(1e-9));
        // more than the publisher sends (a stale publisher report) is still 100, never more
        assertThat(VideoScore.score(new VideoConditions(0, 60, FPS, PIXELS * 2, PIXELS, 0)))
                .isCloseTo(100, within(1e-9));
    }

    @Test
    void monotoneInFreezeRatio() {
        double previous = Double.POSITIVE_INFINITY;
        for (double f = 0; f <= 1.0001; f += 0.01) {
            double s = VideoScore.score(new VideoConditions(f, FPS, FPS, PIXELS, PIXELS, 0));
            assertThat(s).as("freeze %s", f).isLessThanOrEqualTo(previous);
            previous = s;
        }
        assertThat(previous).isZero();
        assertThat(VideoScore.score(new VideoConditions(0.5, FPS, FPS, PIXELS, PIXELS, 0)))
                .isCloseTo(25, within(1e-9));
    }

    @Test
    void monotoneInFrameRateAndSaturating() {
        double previous = -1;
        for (double fps = 0; fps <= FPS; fps += 0.5) {
            double s = VideoScore.score(new VideoConditions(0, fps, FPS, PIXELS, PIXELS, 0));
            assertThat(s).as("fps %s", fps).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
        double full = VideoScore.score(new VideoConditions(0, 30, FPS, PIXELS, PIXELS, 0));
        double half = VideoScore.score(new VideoConditions(0, 15, FPS, PIXELS, PIXELS, 0));
        double quarter = VideoScore.score(new VideoConditions(0, 7.5, FPS, PIXELS, PIXELS, 0));
        assertThat(full - half).as("first halving costs less than the second").isLessThan(half - quarter);
        assertThat(VideoScore.score(new VideoConditions(0, 0, FPS, PIXELS, PIXELS, 0))).isZero();
    }

    @Test
    void monotoneInResolution() {
        double previous = -1;
        for (double h : new double[] {0, 90, 180, 270, 360, 540, 720}) {
            double s = VideoScore.score(new VideoConditions(0, FPS, FPS, h * 16 / 9 * h, PIXELS, 0));
            assertThat(s).as("height %s", h).isGreaterThan(previous);
            previous = s;
        }
        double q360 = VideoScore.score(new VideoConditions(0, FPS, FPS, 640 * 360, PIXELS, 0));
        assertThat(q360).isBetween(75.0, 90.0);
    }

    @Test
    void monotoneInStalls() {
        double previous = Double.POSITIVE_INFINITY;
        for (double n = 0; n <= 20; n += 0.5) {
            double s = VideoScore.score(new VideoConditions(0, FPS, FPS, PIXELS, PIXELS, n));
            assertThat(s).as("stalls %s", n).isLessThan(previous);
            previous = s;
        }
        assertThat(VideoScore.score(new VideoConditions(0, FPS, FPS, PIXELS, PIXELS, 1)))
                .isCloseTo(100 * Math.exp(-0.15), within(1e-9));
    }

    @Test
    void monotoneOnAGridOfAllInputs() {
        double[] freezes = {0, 0.05, 0.2, 0.6};
        double[] fpsValues = {5, 15, 24, 30};
        double[] heights = {180, 360, 720};
        double[] stalls = {0, 1, 4};
        for (int a = 0; a < freezes.length; a++) {
            for (int b = 0; b < fpsValues.length; b++) {
                for (int c = 0; c < heights.length; c++) {
                    for (int d = 0; d < stalls.length; d++) {
                        double s = at(freezes[a], fpsValues[b], heights[c], stalls[d]);
                        assertThat(s).isBetween(0.0, 100.0);
                        if (a > 0) {
                            assertThat(s).isLessThan(at(freezes[a - 1], fpsValues[b], heights[c], stalls[d]));
                        }
                        if (b > 0) {
                            assertThat(s).isGreaterThan(at(freezes[a], fpsValues[b - 1], heights[c], stalls[d]));
                        }
                        if (c > 0) {
                            assertThat(s).isGreaterThan(at(freezes[a], fpsValues[b], heights[c - 1], stalls[d]));
                        }
                        if (d > 0) {
                            assertThat(s).isLessThan(at(freezes[a], fpsValues[b], heights[c], stalls[d - 1]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void unknownPublisherValuesAreNeutralAndNonsenseIsWorst() {
        assertThat(VideoScore.score(new VideoConditions(0, 12, 0, 1000, 0, 0))).isCloseTo(100, within(1e-9));
        assertThat(VideoScore.score(new VideoConditions(Double.NaN, FPS, FPS, PIXELS, PIXELS, 0))).isZero();
        assertThat(VideoScore.score(new VideoConditions(0, -1, FPS, PIXELS, PIXELS, 0))).isZero();
        assertThat(VideoScore.score(new VideoConditions(0, FPS, FPS, PIXELS, PIXELS, Double.NaN))).isZero();
        assertThat(VideoScore.score(new VideoConditions(-0.5, FPS, FPS, PIXELS, PIXELS, -3)))
                .isCloseTo(100, within(1e-9));
    }

    private static double at(double freeze, double fps, double height, double stalls) {
        return VideoScore.score(new VideoConditions(freeze, fps, FPS, height * 16 / 9 * height, PIXELS, stalls));
    }
}
