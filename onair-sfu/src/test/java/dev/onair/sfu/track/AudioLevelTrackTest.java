package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtp.AudioLevelDrop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioLevelTrackTest {

    @Test
    void anAudioTrackFeedsEachPacketsLevelToItsMeter() {
        PublishedTrack t = TrackFixtures.audioTrack("pub/0", 1);
        for (int i = 0; i < 10; i++) {
            t.onRtp(TrackFixtures.context(TrackFixtures.opus(i, i * 960L, 0xAA, 1, 20), i * 20 * MS));
        }
        assertThat(t.audioLevel().levels()).isEqualTo(10);
        t.audioLevel().closeWindow(200);
        assertThat(t.audioLevel().voicedFraction()).isEqualTo(1.0);
        assertThat(t.audioLevel().level()).isGreaterThan(0.04); // 0.1 after 200 ms of a 300 ms EMA: 0.049
        assertThat(t.audioLevelDrops().total()).isZero();
    }

    @Test
    void levelsAreIgnoredWhenTheExtensionWasNotNegotiated() {
        PublishedTrack t = TrackFixtures.audioTrack("pub/0", 0);
        for (int i = 0; i < 10; i++) {
            t.onRtp(TrackFixtures.context(TrackFixtures.opus(i, i * 960L, 0xAA, 1, 0), i * 20 * MS));
        }
        assertThat(t.packets()).isEqualTo(10);
        assertThat(t.audioLevel().levels()).isZero();
        t.audioLevel().closeWindow(200);
        assertThat(t.audioLevel().level()).isZero();
        assertThat(t.audioLevelDrops().total()).isZero();
    }

    @Test
    void packetsWithoutTheNegotiatedElementAreCountedNotRecorded() {
        PublishedTrack t = TrackFixtures.audioTrack("pub/0", 3);
        t.onRtp(TrackFixtures.context(TrackFixtures.opus(1, 960, 0xAA, 1, 10), 0)); // level under another id
        t.onRtp(TrackFixtures.context(TrackFixtures.opus(2, 1920, 0xAA, 0, 10), 0)); // no extension at all
        byte[] twoBytes = TrackFixtures.opus(3, 2880, 0xAA, 3, 10);
        twoBytes[16] = (byte) 0x31; // ID 3 L=1: two data bytes, not RFC 6464
        t.onRtp(TrackFixtures.context(twoBytes, 0));
        assertThat(t.audioLevel().levels()).isZero();
        assertThat(t.audioLevelDrops().get(AudioLevelDrop.ABSENT)).isEqualTo(2);
        assertThat(t.audioLevelDrops().get(AudioLevelDrop.BAD_LENGTH)).isEqualTo(1);
    }

    @Test
    void videoTracksHaveNoMeter() {
        PublishedTrack v = TrackFixtures.videoTrack(96, 4, new ArrayList<>(List.of()));
        assertThat(v.audioLevel()).isNull();
    }
}
