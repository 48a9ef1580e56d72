package dev.onair.sfu.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.negotiation.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A muted track counts its packets but forwards none; unmuting video waits for a fresh keyframe. */
class TrackMuteTest {
    private static final long MS = 1_000_000L;

    @Test
    void mutedTrackForwardsNothingAndUnmuteWaitsForAKeyframe() {
        List<String> keyframeRequests = new ArrayList<>();
        PublishedTrack video = TrackFixtures.videoTrack(96, 4, keyframeRequests);
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(64);
        SubscriberTrack sub = new SubscriberTrack("0", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 96, 90_000)),
                Map.of(), out, new RtpRewriter(0x1234, 100, 1000, 90_000));
        sub.bind(video, 0);
        video.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 1, 3000, 0xBB, 4, true), MS));
        video.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 2, 6000, 0xBB, 4, false), 2 * MS));
        out.drain();
        assertThat(out.sent).hasSize(2);

        assertThat(video.setMuted(true, false, 3 * MS)).isTrue();
        assertThat(video.isMuted()).isTrue();
        video.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 3, 9000, 0xBB, 4, false), 4 * MS));
        out.drain();
        assertThat(out.sent).hasSize(2);
        assertThat(video.mutedDrops()).isEqualTo(1);
        assertThat(video.packets()).as("still counted for statistics").isEqualTo(3);

        keyframeRequests.clear();
        assertThat(video.setMuted(false, false, 2_000 * MS)).isTrue();
        assertThat(keyframeRequests).as("unmuting asks the publisher for a keyframe").hasSize(1);
        video.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 4, 12000, 0xBB, 4, false), 2_001 * MS));
        out.drain();
        assertThat(out.sent).as("a delta frame after unmute is held back").hasSize(2);
        video.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 5, 15000, 0xBB, 4, true), 2_002 * MS));
        out.drain();
        assertThat(out.sent).hasSize(3);
    }

    @Test
    void onlyAnAdministratorLiftsAnAdministratorsMute() {
        PublishedTrack audio = TrackFixtures.audioTrack("pub/0", 0);
        assertThat(audio.setMuted(true, true, 0)).isTrue();
        assertThat(audio.setMuted(false, false, 0)).as("the publisher's own unmute changes nothing").isFalse();
        assertThat(audio.isMuted()).isTrue();
        assertThat(audio.isMutedByAdmin()).isTrue();
        assertThat(audio.setMuted(false, true, 0)).isTrue();
        assertThat(audio.isMuted()).isFalse();
    }
}
