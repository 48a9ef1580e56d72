package dev.onair.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The delta arithmetic of one run, on hand-made cumulative samples. */
class ScenarioMetricsTest {

    /** A sample at {@code atMillis} with the given cumulative video counters; audio 48,000 samples a second. */
    private static PlayerSample sample(double atMillis, long received, long lost, long rtx, long frames, int width,
                                       double freezeSeconds, long concealed) {
        return new PlayerSample(atMillis, received, lost, rtx, rtx * 2, frames, freezeSeconds > 0 ? 1 : 0,
                freezeSeconds, width, received * 1000, (long) (atMillis / 20), lost / 10, concealed,
                (long) (atMillis * 48));
    }

    @Test
    void lossAfterRecoveryIsLostLessRetransmittedOverExpectedAndOnlyDeltasCount() {
        // Before the run the player had already lost 50 and received 10,000: none of it may count.
        List<PlayerSample> samples = List.of(
                sample(0, 10_000, 50, 40, 600, 1280, 0.5, 100),
                sample(1000, 10_480, 70, 55, 630, 1280, 0.5, 100),
                sample(2000, 10_950, 100, 75, 660, 1280, 0.5, 1060));
        ScenarioMetrics m = ScenarioMetrics.of(samples, List.of(), 0);

        assertThat(m.runSeconds()).isEqualTo(2.0);
        assertThat(m.videoPacketsLost()).isEqualTo(50);
        assertThat(m.videoPacketsExpected()).isEqualTo(1000);
        assertThat(m.retransmittedPacketsReceived()).isEqualTo(35);
        assertThat(m.nackCount()).isEqualTo(70);
        assertThat(m.videoLossPercent()).isCloseTo(5.0, within(1e-9));
        assertThat(m.lossAfterRecoveryPercent()).isCloseTo(1.5, within(1e-9)); // (50 - 35) / 1000
        assertThat(m.recoveredPercent()).isCloseTo(70.0, within(1e-9)); // 35 of 50
        assertThat(m.framesPerSecond()).isEqualTo(30.0);
        assertThat(m.freezePercent()).isZero();
        assertThat(m.audioConcealmentPercent()).isCloseTo(100.0 * 960 / 96_000, within(1e-9));
        // audio: 50 packets a second (100 in the run), lost 5 → 10 (a tenth of the video's): 5 of 105 expected
        assertThat(m.audioLossPercent()).isCloseTo(100.0 * 5 / 105, within(1e-9));
        assertThat(m.videoBitrateBps()).isCloseTo(8.0 * 950_000 / 2, within(1e-6));
        assertThat(m.videoPaused()).isFalse();
        assertThat(m.layerDownSeconds()).isNull();
        assertThat(m.topLayerBackSeconds()).isNull();
        assertThat(m.resumedSeconds()).as("no cap, nothing to resume from").isNull();
    }

    @Test
    void moreRetransmissionsThanLossesNeverGiveNegativeLoss() {
        ScenarioMetrics m = ScenarioMetrics.of(List.of(sample(0, 0, 0, 0, 0, 640, 0, 0),
                sample(1000, 100, 2, 5, 30, 640, 0, 0)), List.of(), 0);
        assertThat(m.lossAfterRecoveryPercent()).isZero();
        assertThat(m.recoveredPercent()).isEqualTo(100.0);
    }

    @Test
    void nothingLostOrNoAudioIsUnknownNotZero() {
        ScenarioMetrics m = ScenarioMetrics.of(List.of(
                new PlayerSample(0, 0, 0, 0, 0, 0, 0, 0, 640, 0, 0, 0, 0, 0),
                new PlayerSample(1000, 100, 0, 0, 0, 30, 0, 0, 640, 0, 0, 0, 0, 0)), List.of(), 0);
        assertThat(m.videoLossPercent()).isZero();
        assertThat(m.recoveredPercent()).isNaN();
        assertThat(m.audioConcealmentPercent()).isNaN();
        assertThat(m.audioLossPercent()).isNaN();
    }

    @Test
    void aCapRunGivesLayerDownFreezeAfterItTopLayerBackPauseAndResume() {
        // Cap for the first 3 s: the width drops at 2 s, one interval decodes nothing, the full width is back at 5 s.
        List<PlayerSample> samples = List.of(
                sample(0, 0, 0, 0, 0, 1280, 0, 0),
                sample(1000, 100, 0, 0, 30, 1280, 0, 0),
                sample(2000, 150, 10, 0, 45, 640, 0.4, 0),
                sample(3000, 160, 20, 0, 45, 640, 1.4, 0),
                sample(4000, 260, 20, 0, 60, 640, 1.4, 0),
                sample(5000, 400, 20, 0, 90, 1280, 1.4, 0),
                sample(6000, 500, 20, 0, 120, 1280, 1.4, 0));
        List<FrameGap> gaps = List.of(new FrameGap(1500, 300), new FrameGap(3400, 1300));
        ScenarioMetrics m = ScenarioMetrics.of(samples, gaps, 3);

        assertThat(m.referenceWidth()).isEqualTo(1280);
        assertThat(m.endWidth()).isEqualTo(1280);
        assertThat(m.layerDownSeconds()).isEqualTo(2.0);
        assertThat(m.longestFreezeAfterDownMillis()).as("the 300 ms gap ended before the drop").isEqualTo(1300.0);
        assertThat(m.longestFreezeMillis()).isEqualTo(1300.0);
        assertThat(m.topLayerBackSeconds()).isEqualTo(2.0); // back for good at 5 s, the lift at 3 s
        assertThat(m.pausedIntervals()).isEqualTo(1);
        assertThat(m.videoPaused()).isTrue();
        // 3 → 4 s decodes 15 fps: the first interval starting at the lift reaches 10 fps, ending 1 s after it.
        assertThat(m.resumedSeconds()).isEqualTo(1.0);
        assertThat(m.minFramesPerSecond()).isZero();
        assertThat(m.freezePercent()).isCloseTo(100.0 * 1.4 / 6, within(1e-9));
        assertThat(m.widthTimeline()).containsExactly(1280, 1280, 640, 640, 640, 1280, 1280);
        assertThat(m.widthChanges()).isEqualTo(2);
    }

    @Test
    void theTopLayerIsBackOnlyFromTheLastStretchAtFullWidth() {
        // Cap lifted at 2 s; full width at 2 s already, but it drops again at 3 s and is back for good at 4 s.
        List<PlayerSample> samples = List.of(sample(0, 0, 0, 0, 0, 1280, 0, 0),
                sample(1000, 10, 0, 0, 30, 320, 0, 0), sample(2000, 20, 0, 0, 60, 1280, 0, 0),
                sample(3000, 30, 0, 0, 90, 640, 0, 0), sample(4000, 40, 0, 0, 120, 1280, 0, 0),
                sample(5000, 50, 0, 0, 150, 1280, 0, 0));
        ScenarioMetrics m = ScenarioMetrics.of(samples, List.of(), 2);
        assertThat(m.topLayerBackSeconds()).isEqualTo(2.0);
        assertThat(m.widthChanges()).isEqualTo(4);

        // A stretch that began before the lift and lasted: back at once.
        ScenarioMetrics early = ScenarioMetrics.of(List.of(sample(0, 0, 0, 0, 0, 1280, 0, 0),
                sample(1000, 10, 0, 0, 30, 320, 0, 0), sample(2000, 20, 0, 0, 60, 1280, 0, 0),
                sample(3000, 30, 0, 0, 90, 1280, 0, 0), sample(4000, 40, 0, 0, 120, 1280, 0, 0)), List.of(), 3);
        assertThat(early.topLayerBackSeconds()).isZero();
    }

    @Test
    void aLayerThatNeverComesBackAndVideoThatNeverResumesAreNull() {
        List<PlayerSample> samples = List.of(sample(0, 0, 0, 0, 0, 1280, 0, 0),
                sample(1000, 10, 0, 0, 0, 320, 0, 0), sample(2000, 10, 0, 0, 0, 320, 0, 0));
        ScenarioMetrics m = ScenarioMetrics.of(samples, List.of(), 1);
        assertThat(m.layerDownSeconds()).isEqualTo(1.0);
        assertThat(m.longestFreezeAfterDownMillis()).isZero();
        assertThat(m.topLayerBackSeconds()).isNull();
        assertThat(m.resumedSeconds()).isNull();
        assertThat(m.videoPaused()).isTrue();
    }

    @Test
    void aLongFrameGapAloneIsAPause() {
        ScenarioMetrics m = ScenarioMetrics.of(List.of(sample(0, 0, 0, 0, 0, 640, 0, 0),
                sample(1000, 10, 0, 0, 20, 640, 0, 0), sample(2000, 20, 0, 0, 40, 640, 0, 0)),
                List.of(new FrameGap(1900, 1000)), 0);
        assertThat(m.pausedIntervals()).isZero();
        assertThat(m.videoPaused()).isTrue();
    }

    @Test
    void fewerThanTwoSamplesIsAnError() {
        assertThatThrownBy(() -> ScenarioMetrics.of(List.of(sample(0, 0, 0, 0, 0, 0, 0, 0)), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two samples");
    }
}
