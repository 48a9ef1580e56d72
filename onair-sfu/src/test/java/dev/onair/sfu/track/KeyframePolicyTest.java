package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MID_URI;
import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static dev.onair.sfu.track.TrackFixtures.videoTrack;
import static dev.onair.sfu.track.TrackFixtures.vp8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.negotiation.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyframe requests on subscribe, throttled per published track, and asked again while no keyframe comes. */
class KeyframePolicyTest {
    private static final long SSRC = 0x1111;

    private final List<String> requests = new ArrayList<>();
    private final PublishedTrack track = videoTrack(96, 4, requests);
    private int seq = 100;

    private void packet(boolean keyframe, long nowNanos) {
        track.onRtp(context(vp8(96, seq, seq * 3000L, SSRC, 4, keyframe), nowNanos));
        seq++;
    }

    private SubscriberTrack subscriber(TrackFixtures.Recorder out) {
        return new SubscriberTrack("1", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 96, 90_000)),
                Map.of(MID_URI, 4), out, new RtpRewriter(7, 1, 1, 90_000));
    }

    @Test
    void tenSubscribersJoiningAtOnceCauseOneRequest() {
        packet(true, 0); // the publisher is flowing; its SSRC is known
        for (int i = 0; i < 10; i++) {
            subscriber(new TrackFixtures.Recorder(8)).bind(track, 1_000 * MS + i * MS);
        }
        assertThat(requests).hasSize(1);
        assertThat(track.keyframes().requested()).isEqualTo(10);
    }

    @Test
    void aSubscriberGetsNoDeltaFramesBeforeItsFirstKeyframe() {
        packet(true, 0);
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out);
        sub.bind(track, 10 * MS);
        packet(false, 20 * MS);
        packet(false, 40 * MS);
        assertThat(sub.dropsWaitingKeyframe()).isEqualTo(2);
        packet(true, 60 * MS);
        packet(false, 80 * MS);
        out.drain();
        assertThat(out.sent).hasSize(2);
    }

    @Test
    void aRequestBeforeThePublishersFirstPacketGoesOutWithThatPacket() {
        subscriber(new TrackFixtures.Recorder(8)).bind(track, 0);
        assertThat(requests).isEmpty();
        packet(false, 300 * MS);
        assertThat(requests).hasSize(1);
        packet(false, 320 * MS);
        assertThat(requests).as("throttled").hasSize(1);
    }

    @Test
    void anUnansweredRequestIsRepeatedAfterOneSecondAtMost() {
        packet(true, 0);
        subscriber(new TrackFixtures.Recorder(256)).bind(track, 100 * MS); // sent at 100 ms
        // no keyframe comes; the waiting subscriber's own requests are throttled to every 500 ms, the retry at 1 s
        // after the last one is a floor whatever the subscriber does
        for (long t = 120; t < 1_100; t += 20) {
            packet(false, t * MS);
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        long sentBefore = track.keyframes().sent();
        packet(true, 1_120 * MS);
        for (long t = 1_140; t < 3_000; t += 20) {
            packet(false, t * MS);
        }
        assertThat(track.keyframes().sent()).as("nothing outstanding after the keyframe").isEqualTo(sentBefore);
    }

    @Test
    void retryWaitsForTheObservedKeyframeIntervalCappedAtOneSecond() {
        KeyframeRequester k = new KeyframeRequester(KeyframeRequester.DEFAULT_MIN_INTERVAL_NANOS);
        assertThat(k.tryRequest(0)).isTrue();
        assertThat(k.tryRequest(100 * MS)).as("throttled").isFalse();
        assertThat(k.retryDue(599 * MS, 600 * MS)).isFalse();
        assertThat(k.retryDue(600 * MS, 600 * MS)).as("one observed interval (600 ms) later").isTrue();
        assertThat(k.retryDue(1_500 * MS, 5_000 * MS)).isFalse();
        assertThat(k.retryDue(1_600 * MS, 5_000 * MS)).as("a 5 s interval is capped at 1 s").isTrue();
        assertThat(k.retryDue(1_800 * MS, 100 * MS)).as("never faster than the throttle").isFalse();
        assertThat(k.retryDue(2_100 * MS, 100 * MS)).isTrue();
        assertThat(k.retries()).isEqualTo(3);
        k.onKeyframe();
        assertThat(k.retryDue(10_000 * MS, -1)).isFalse();
        assertThat(k.sent()).isEqualTo(4);
    }

    @Test
    void aSubscribersPliGoesThroughTheSameThrottle() {
        packet(true, 0);
        SubscriberTrack a = subscriber(new TrackFixtures.Recorder(8));
        SubscriberTrack b = subscriber(new TrackFixtures.Recorder(8));
        a.bind(track, 10 * MS);
        b.bind(track, 10 * MS);
        packet(true, 50 * MS);
        a.onKeyframeRequest(600 * MS);
        b.onKeyframeRequest(610 * MS);
        assertThat(requests).hasSize(2);
    }
}
