package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MID_URI;
import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static dev.onair.sfu.track.TrackFixtures.videoTrack;
import static dev.onair.sfu.track.TrackFixtures.vp8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Bytes;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.rtx.ResendOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A subscriber's NACK, in its own rewritten sequence space, answered from the source's shared cache. */
class RetransmissionTest {
    private static final long USEFUL = 400 * MS;
    private static final long INTERVAL = 100 * MS;

    private static SubscriberTrack withRtx(TrackFixtures.Recorder out, long ssrc, int initialSeq, long rtxSsrc) {
        return new SubscriberTrack("0", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 100, 90_000, 101)),
                Map.of(MID_URI, 9), out, new RtpRewriter(ssrc, initialSeq, 50_000, 90_000), rtxSsrc, 7_000);
    }

    private static SubscriberTrack plain(TrackFixtures.Recorder out, long ssrc, int initialSeq) {
        return new SubscriberTrack("0", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 98, 90_000)),
                Map.of(MID_URI, 4), out, new RtpRewriter(ssrc, initialSeq, 9_000, 90_000));
    }

    /** Publishes seq 1000..1009 (a keyframe first) at 10 ms apart. */
    private static void publishTen(PublishedTrack track) {
        for (int i = 0; i < 10; i++) {
            track.onRtp(context(vp8(96, 1000 + i, 90_000 + i * 3000L, 0x1111, 4, i == 0), i * 10 * MS));
        }
    }

    private static RtpHeader header(byte[] packet) {
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(packet, 0, packet.length)).isTrue();
        return h;
    }

    @Test
    void eachSubscriberGetsItsOwnRewritingFromOneSharedCache() {
        PublishedTrack track = videoTrack(96, 4, new ArrayList<>());
        TrackFixtures.Recorder outA = new TrackFixtures.Recorder(32);
        TrackFixtures.Recorder outB = new TrackFixtures.Recorder(32);
        SubscriberTrack a = withRtx(outA, 0xAAAAL, 200, 0xA0A0L);
        SubscriberTrack b = plain(outB, 0xBBBBL, 60_000);
        a.bind(track, 0);
        b.bind(track, 0);
        publishTen(track);
        outA.drain();
        outB.drain();
        byte[] firstSentToA = outA.sent.get(4);
        byte[] firstSentToB = outB.sent.get(4);
        assertThat(header(firstSentToA).sequenceNumber()).isEqualTo(204);
        assertThat(header(firstSentToB).sequenceNumber()).isEqualTo(60_004);

        assertThat(a.resend(204, 100 * MS, USEFUL, INTERVAL)).isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(b.resend(60_004, 100 * MS, USEFUL, INTERVAL)).isEqualTo(ResendOutcome.SENT_PLAIN);
        outA.drain();
        outB.drain();

        byte[] rtx = outA.sent.get(10);
        RtpHeader h = header(rtx);
        assertThat(h.ssrc()).isEqualTo(0xA0A0L);
        assertThat(h.payloadType()).isEqualTo(101);
        assertThat(h.sequenceNumber()).isEqualTo(7_000);
        assertThat(h.timestamp()).as("the subscriber's timestamp").isEqualTo(header(firstSentToA).timestamp());
        assertThat(Bytes.u16(rtx, h.payloadOffset())).as("OSN in A's sequence space").isEqualTo(204);
        RtpHeader orig = header(firstSentToA);
        assertThat(Arrays.copyOfRange(rtx, h.payloadOffset() + 2, rtx.length))
                .isEqualTo(Arrays.copyOfRange(firstSentToA, orig.payloadOffset(), firstSentToA.length));
        assertThat(outB.sent.get(10)).as("B has no rtx: the very packet again").isEqualTo(firstSentToB);
        assertThat(a.retransmitted()).isEqualTo(1);
        assertThat(b.retransmitted()).isEqualTo(1);
    }

    @Test
    void notTheSamePacketAgainWithinOneInterval() {
        PublishedTrack track = videoTrack(96, 4, new ArrayList<>());
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(32);
        SubscriberTrack a = withRtx(out, 1, 0, 2);
        a.bind(track, 0);
        publishTen(track);
        assertThat(a.resend(3, 100 * MS, USEFUL, INTERVAL)).isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(a.resend(3, 150 * MS, USEFUL, INTERVAL)).isEqualTo(ResendOutcome.SUPPRESSED);
        assertThat(a.resend(3, 200 * MS, USEFUL, INTERVAL)).isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(a.retransmitted()).isEqualTo(2);
        assertThat(a.nackedPackets()).isEqualTo(3);
        assertThat(a.retransmissionMissed()).isZero();
    }

    @Test
    void tooOldNeverSentOrFromAnEarlierSourceIsMissed() {
        PublishedTrack first = videoTrack(96, 4, new ArrayList<>());
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(64);
        SubscriberTrack a = withRtx(out, 1, 0, 2);
        a.bind(first, 0);
        publishTen(first);
        assertThat(a.resend(0, 500 * MS, USEFUL, INTERVAL)).as("received at 0, useful for 400 ms")
                .isEqualTo(ResendOutcome.MISSED);
        assertThat(a.resend(9, 480 * MS, USEFUL, INTERVAL)).as("received at 90 ms").isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(a.resend(10, 500 * MS, USEFUL, INTERVAL)).as("not sent yet").isEqualTo(ResendOutcome.MISSED);

        PublishedTrack second = videoTrack(96, 4, new ArrayList<>());
        a.bind(second, 600 * MS);
        second.onRtp(context(vp8(96, 40, 0, 0x2222, 4, true), 600 * MS));
        assertThat(a.resend(9, 610 * MS, USEFUL, INTERVAL)).as("seq 9 belonged to the first source")
                .isEqualTo(ResendOutcome.MISSED);
        assertThat(a.resend(10, 610 * MS, USEFUL, INTERVAL)).as("the second source's first packet")
                .isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(a.retransmissionMissed()).isEqualTo(3);
    }

    @Test
    void audioTracksKeepNoCache() {
        assertThat(TrackFixtures.audioTrack("a", 0).retransmissions()).isNull();
        assertThat(videoTrack(96, 4, new ArrayList<>()).retransmissions()).isNotNull();
    }
}
