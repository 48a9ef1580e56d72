package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.client.ReceivedStream;
import dev.onair.client.WebRtcPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A subscriber's stream across source changes: replacement by the same identity, and a late publisher. */
class SourceChangeTest {
    @RegisterExtension
    static final ItServer it = new ItServer();

    @Test
    void aSubscriberThatArrivesBeforeAnyPublisherStartsReceivingWhenOneArrives() throws Exception {
        String room = "early";
        WebRtcPeer sub = it.subscriber(room, "bob");
        assertThat(sub.answer().audioSsrc()).isPositive();
        assertThat(it.sessions(room, "subscribe")).hasSize(1);

        WebRtcPeer pub = it.publisher(room, "alice");
        pub.startAudio();
        pub.startVideo();
        Media.awaitAudioVideo(sub, 20);
        assertThat(Media.audio(sub).sequenceGaps()).isZero();
        assertThat(Media.video(sub).sequenceGaps()).isZero();
        assertThat(Media.video(sub).firstPacketKeyframe()).isTrue();
    }

    @Test
    void aSecondPublisherWithTheSameIdentityReplacesTheFirstWithoutASequenceGapOrTimestampJump() throws Exception {
        String room = "replace";
        WebRtcPeer first = it.publisher(room, "alice");
        first.startAudio();
        first.startVideo();
        WebRtcPeer sub = it.subscriber(room, "bob");
        Media.awaitAudioVideo(sub, 20);

        WebRtcPeer second = it.publisher(room, "alice");
        second.startAudio();
        second.startVideo();
        assertThat(Media.await(() -> it.session(first) == null)).as("first session closed").isTrue();
        assertThat(it.sessions(room, "publish")).hasSize(1);
        first.stopAudio();
        first.stopVideo();
        long audioAt = Media.audio(sub).packets();
        long videoAt = Media.video(sub).packets();
        Media.awaitPackets(sub, sub.answer().audioSsrc(), audioAt + 50);
        Media.awaitPackets(sub, sub.answer().videoSsrc(), videoAt + 30);

        for (ReceivedStream s : new ReceivedStream[] {Media.audio(sub), Media.video(sub)}) {
            assertThat(s.sequenceGaps()).as("%s", s).isZero();
            assertNoTimestampJump(s, s == Media.audio(sub) ? 48_000 : 90_000);
        }
    }

    /** Between consecutive packets the timestamp never runs ahead of the arrival time by more than 100 ms. */
    private static void assertNoTimestampJump(ReceivedStream s, int clockRateHz) {
        long[] ts = s.timestamps();
        long[] at = s.arrivalNanos();
        for (int i = 1; i < ts.length; i++) {
            long tsDelta = (ts[i] - ts[i - 1]) & 0xFFFFFFFFL;
            long wallTicks = (at[i] - at[i - 1]) / 1_000L * clockRateHz / 1_000_000L;
            long slack = clockRateHz / 10;
            assertThat(tsDelta).as("packet %d of %s: timestamp step %d ticks, wall %d ticks", i, s, tsDelta, wallTicks)
                    .isLessThanOrEqualTo(wallTicks + slack);
        }
    }
}
