package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opus DTX (RFC 7587 section 3.1.3): during silence the sender stops for a while and then resumes with the next
 * sequence number and a timestamp advanced by the silent time. Forwarded as is: no loss, the same jump.
 */
class DtxPassThroughTest {

    @Test
    void aDtxGapKeepsSequenceNumbersContiguousAndTheTimestampJump() {
        PublishedTrack track = TrackFixtures.audioTrack("pub/0", 0);
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = new SubscriberTrack("0", MediaKind.AUDIO,
                List.of(new TrackCodec("OPUS", 100, 48_000)), Map.of(), out,
                new RtpRewriter(0x77, 30_000, 5_000, 48_000));
        sub.bind(track, 0);

        track.onRtp(context(TrackFixtures.opus(10, 48_000, 0xAA, 0, 0), 0));
        track.onRtp(context(TrackFixtures.opus(11, 48_960, 0xAA, 0, 0), 20 * MS));
        // 2 s of silence: nothing sent, then seq 12 with the timestamp 2 s (96 000 ticks) later
        track.onRtp(context(TrackFixtures.opus(12, 48_960 + 96_000, 0xAA, 0, 0), 2_020 * MS));
        track.onRtp(context(TrackFixtures.opus(13, 48_960 + 96_960, 0xAA, 0, 0), 2_040 * MS));
        out.drain();

        RtpHeader h = new RtpHeader();
        long[] ts = new long[4];
        int[] seq = new int[4];
        for (int i = 0; i < 4; i++) {
            assertThat(h.parse(out.sent.get(i), 0, out.sent.get(i).length)).isTrue();
            ts[i] = h.timestamp();
            seq[i] = h.sequenceNumber();
        }
        assertThat(seq).containsExactly(30_000, 30_001, 30_002, 30_003);
        assertThat(ts).containsExactly(5_000, 5_960, 5_960 + 96_000, 5_960 + 96_960);
        assertThat(sub.rewriter().switches()).isZero();
        assertThat(track.stats().cumulativeLost()).as("a DTX gap is not loss").isZero();
    }
}
