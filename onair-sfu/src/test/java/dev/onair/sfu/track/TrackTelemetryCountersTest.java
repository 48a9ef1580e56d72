package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The counters a published video track keeps for telemetry: keyframe starts, their interval, frames. */
class TrackTelemetryCountersTest {

    private static byte[] withMarker(byte[] packet) {
        packet[1] = (byte) (packet[1] | 0x80);
        return packet;
    }

    @Test
    void keyframeIntervalIsTheTimeBetweenTheLastTwoKeyframeStarts() {
        PublishedTrack t = TrackFixtures.videoTrack(96, 3, new ArrayList<>());
        assertThat(t.keyframeIntervalNanos()).isEqualTo(-1);
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 1, 1000, 7, 3, true), 0));
        assertThat(t.keyframeIntervalNanos()).isEqualTo(-1);
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 2, 4000, 7, 3, false), 33 * MS));
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 3, 90_000, 7, 3, true), 2000 * MS));
        assertThat(t.keyframeIntervalNanos()).isEqualTo(2000 * MS);
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 4, 360_000, 7, 3, true), 5000 * MS));
        assertThat(t.keyframeIntervalNanos()).isEqualTo(3000 * MS);
        assertThat(t.keyframesSeen()).isEqualTo(3);
    }

    @Test
    void aKeyframeFlaggedTwiceWithOneTimestampCountsOnce() {
        PublishedTrack t = TrackFixtures.videoTrack(96, 3, new ArrayList<>());
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 1, 1000, 7, 3, true), 0));
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 2, 1000, 7, 3, true), MS));
        assertThat(t.keyframesSeen()).isEqualTo(1);
        assertThat(t.keyframeIntervalNanos()).isEqualTo(-1);
    }

    @Test
    void framesAreCountedByMarkerBit() {
        PublishedTrack t = TrackFixtures.videoTrack(96, 3, new ArrayList<>());
        t.onRtp(TrackFixtures.context(TrackFixtures.vp8(96, 1, 1000, 7, 3, true), 0));
        t.onRtp(TrackFixtures.context(withMarker(TrackFixtures.vp8(96, 2, 1000, 7, 3, false)), MS));
        t.onRtp(TrackFixtures.context(withMarker(TrackFixtures.vp8(96, 3, 4000, 7, 3, false)), 2 * MS));
        assertThat(t.framesEnded()).isEqualTo(2);
    }

    @Test
    void keyframeRequestsSentAreCountedByKind() {
        PublishedTrack t = TrackFixtures.videoTrack(96, 3, new ArrayList<>());
        t.onKeyframeRequestSent(true);
        t.onKeyframeRequestSent(true);
        t.onKeyframeRequestSent(false);
        assertThat(t.pliSent()).isEqualTo(2);
        assertThat(t.firSent()).isEqualTo(1);
    }
}
