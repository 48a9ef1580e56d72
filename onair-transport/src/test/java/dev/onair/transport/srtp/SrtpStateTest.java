package dev.onair.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replay window, the index estimate and the bounded SSRC table on their own. */
class SrtpStateTest {

    @Test
    void replayWindowTracksSixtyFourIndicesBehindTheHighest() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.check(500)).isZero();
        window.accept(500);
        assertThat(window.check(500)).isEqualTo(SrtpDrop.REPLAYED.code());
        assertThat(window.check(437)).isZero(); // 63 behind, never seen
        window.accept(437);
        assertThat(window.check(437)).isEqualTo(SrtpDrop.REPLAYED.code());
        assertThat(window.check(436)).isEqualTo(SrtpDrop.TOO_OLD.code()); // 64 behind
        window.accept(600); // slides by 100: everything before is out
        assertThat(window.check(500)).isEqualTo(SrtpDrop.TOO_OLD.code());
        assertThat(window.check(599)).isZero();
        assertThat(window.check(601)).isZero();
    }

    @Test
    void indexEstimateFollowsRfc3711AppendixA() {
        RtpIndexTracker tracker = new RtpIndexTracker();
        assertThat(tracker.estimate(65530)).isEqualTo(65530);
        tracker.update(65530);
        assertThat(tracker.estimate(3)).isEqualTo(0x1_0003L); // wrapped: ROC + 1
        assertThat(tracker.estimate(65000)).isEqualTo(65000); // late packet, same ROC
        tracker.update(0x1_0003L);
        assertThat(tracker.roc()).isEqualTo(1);
        assertThat(tracker.estimate(65534)).isEqualTo(65534); // from before the wrap: ROC - 1
        assertThat(tracker.estimate(10)).isEqualTo(0x1_000AL);
        tracker.update(65534); // older: no change
        assertThat(tracker.roc()).isEqualTo(1);
    }

    @Test
    void estimateNeverGoesBelowRocZero() {
        RtpIndexTracker tracker = new RtpIndexTracker();
        tracker.update(5);
        assertThat(tracker.estimate(65000)).isEqualTo(65000);
    }
}
