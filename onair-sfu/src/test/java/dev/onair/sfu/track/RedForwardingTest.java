package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.AUDIO_LEVEL_URI;
import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtp.RedDrop;
import dev.onair.protocol.rtp.RedPayload;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 2198 audio from a RED publisher: forwarded as RED where negotiated, stripped to plain opus elsewhere. */
class RedForwardingTest {
    private static final int PUB_RED = 63;
    private static final int PUB_OPUS = 111;
    private static final byte[] PRIMARY = {0x78, 9, 8, 7};

    private static PublishedTrack redPublisher() {
        return new PublishedTrack("pub/0", "0", MediaKind.AUDIO,
                List.of(new TrackCodec("RED", PUB_RED, 48_000), new TrackCodec("OPUS", PUB_OPUS, 48_000)),
                Map.of(AUDIO_LEVEL_URI, 1), (t, l) -> { });
    }

    private static SubscriberTrack subscriber(TrackFixtures.Recorder out, List<TrackCodec> codecs) {
        return new SubscriberTrack("0", MediaKind.AUDIO, codecs, Map.of(AUDIO_LEVEL_URI, 5), out,
                new RtpRewriter(0x5151, 100, 10_000, 48_000));
    }

    private static RtpHeader parse(byte[] pkt) {
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(pkt, 0, pkt.length)).isTrue();
        return h;
    }

    @Test
    void subscriberWithoutRedGetsThePrimaryBlockAsPlainOpus() {
        PublishedTrack track = redPublisher();
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out, List.of(new TrackCodec("OPUS", 100, 48_000)));
        sub.bind(track, 0);

        for (int i = 0; i < 3; i++) {
            track.onRtp(context(TrackFixtures.red(PUB_RED, PUB_OPUS, 7000 + i, 96_000 + i * 960L, 0xAA, 1, 20,
                    PRIMARY), i * 20 * MS));
        }
        out.drain();

        assertThat(out.sent).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] pkt = out.sent.get(i);
            RtpHeader h = parse(pkt);
            assertThat(h.payloadType()).isEqualTo(100);
            assertThat(h.sequenceNumber()).isEqualTo(100 + i);
            assertThat(h.timestamp()).isEqualTo(10_000 + i * 960L);
            assertThat(Arrays.copyOfRange(pkt, h.payloadOffset(), h.payloadOffset() + h.payloadLength()))
                    .containsExactly(PRIMARY);
            assertThat(dev.onair.protocol.rtp.AudioLevel.level(pkt, h, 5)).as("level element kept, id mapped")
                    .isEqualTo(20);
        }
        assertThat(sub.redStripped()).isEqualTo(3);
        assertThat(sub.redForwarded()).isZero();
        assertThat(sub.dropsNoCodec()).isZero();
    }

    @Test
    void subscriberWithRedGetsRedWithItsOwnPayloadTypes() {
        PublishedTrack track = redPublisher();
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out,
                List.of(new TrackCodec("OPUS", 109, 48_000), new TrackCodec("RED", 62, 48_000)));
        sub.bind(track, 0);

        byte[] in = TrackFixtures.red(PUB_RED, PUB_OPUS, 7000, 96_000, 0xAA, 1, 20, PRIMARY);
        track.onRtp(context(in, 0));
        out.drain();

        assertThat(out.sent).singleElement().satisfies(pkt -> {
            RtpHeader h = parse(pkt);
            assertThat(h.payloadType()).isEqualTo(62);
            assertThat(h.payloadLength()).isEqualTo(4 + 1 + 2 + PRIMARY.length);
            RedPayload red = new RedPayload();
            assertThat(red.parse(pkt, h.payloadOffset(), h.payloadLength())).isTrue();
            assertThat(red.redundantBlocks()).isEqualTo(1);
            assertThat(red.blockPayloadType(0)).isEqualTo(109);
            assertThat(red.blockTimestampOffset(0)).isEqualTo(960);
            assertThat(red.primaryPayloadType()).isEqualTo(109);
        });
        assertThat(in[20]).as("the publisher's packet is not touched (other sinks read it)").isEqualTo((byte) 0xEF);
        assertThat(sub.redForwarded()).isEqualTo(1);
    }

    @Test
    void plainOpusFromTheSamePublisherStillFlowsToBoth() {
        PublishedTrack track = redPublisher();
        TrackFixtures.Recorder plainOut = new TrackFixtures.Recorder(16);
        TrackFixtures.Recorder redOut = new TrackFixtures.Recorder(16);
        SubscriberTrack plain = subscriber(plainOut, List.of(new TrackCodec("OPUS", 100, 48_000)));
        SubscriberTrack red = subscriber(redOut,
                List.of(new TrackCodec("OPUS", 109, 48_000), new TrackCodec("RED", 62, 48_000)));
        plain.bind(track, 0);
        red.bind(track, 0);

        track.onRtp(context(TrackFixtures.red(PUB_RED, PUB_OPUS, 1, 960, 0xAA, 1, 20, PRIMARY), 0));
        byte[] opus = TrackFixtures.opus(2, 1920, 0xAA, 1, 20);
        track.onRtp(context(opus, 20 * MS));
        plainOut.drain();
        redOut.drain();

        assertThat(plainOut.sent).extracting(p -> parse(p).payloadType()).containsExactly(100, 100);
        assertThat(redOut.sent).extracting(p -> parse(p).payloadType()).containsExactly(62, 109);
        assertThat(plainOut.sent).extracting(p -> parse(p).sequenceNumber()).containsExactly(100, 101);
    }

    @Test
    void audioLevelIsMeteredFromRedPackets() {
        PublishedTrack track = redPublisher();
        for (int i = 0; i < 10; i++) {
            track.onRtp(context(TrackFixtures.red(PUB_RED, PUB_OPUS, i, i * 960L, 0xAA, 1, 20, PRIMARY), i * 20 * MS));
        }
        assertThat(track.redPackets()).isEqualTo(10);
        assertThat(track.audioLevel().levels()).isEqualTo(10);
        track.audioLevel().closeWindow(200);
        assertThat(track.audioLevel().voicedFraction()).isEqualTo(1.0);
    }

    @Test
    void malformedRedIsCountedAndNotForwarded() {
        PublishedTrack track = redPublisher();
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out, List.of(new TrackCodec("OPUS", 100, 48_000)));
        sub.bind(track, 0);
        byte[] bad = TrackFixtures.red(PUB_RED, PUB_OPUS, 1, 960, 0xAA, 1, 20, PRIMARY);
        bad[23] = (byte) 0xFF; // redundant block length 0x2FF: past the end
        bad[22] = (byte) (bad[22] | 0x03);

        track.onRtp(context(bad, 0));
        out.drain();

        assertThat(out.sent).isEmpty();
        assertThat(track.redDrops().get(RedDrop.BLOCK_OVERRUN)).isEqualTo(1);
    }

    @Test
    void paddingOnlyPacketsOnTheRedPayloadTypeKeepBothSubscribersSequencesContiguous() {
        PublishedTrack track = redPublisher();
        TrackFixtures.Recorder plainOut = new TrackFixtures.Recorder(16);
        TrackFixtures.Recorder redOut = new TrackFixtures.Recorder(16);
        SubscriberTrack plain = subscriber(plainOut, List.of(new TrackCodec("OPUS", 100, 48_000)));
        SubscriberTrack red = subscriber(redOut,
                List.of(new TrackCodec("OPUS", 109, 48_000), new TrackCodec("RED", 62, 48_000)));
        plain.bind(track, 0);
        red.bind(track, 0);

        track.onRtp(context(TrackFixtures.red(PUB_RED, PUB_OPUS, 1, 960, 0xAA, 1, 20, PRIMARY), 0));
        // A bandwidth probe as Chromium sends it: the RED payload type, P bit, nothing but 4 bytes of padding.
        byte[] header = TrackFixtures.red(PUB_RED, PUB_OPUS, 2, 960, 0xAA, 1, 20, PRIMARY);
        byte[] probe = Arrays.copyOf(header, 20 + 4);
        probe[0] |= 0x20;
        probe[probe.length - 1] = 4;
        track.onRtp(context(probe, 5 * MS));
        track.onRtp(context(TrackFixtures.red(PUB_RED, PUB_OPUS, 3, 1920, 0xAA, 1, 20, PRIMARY), 20 * MS));
        plainOut.drain();
        redOut.drain();

        assertThat(plainOut.sent).extracting(p -> parse(p).sequenceNumber()).containsExactly(100, 101, 102);
        assertThat(redOut.sent).extracting(p -> parse(p).sequenceNumber()).containsExactly(100, 101, 102);
        assertThat(plainOut.sent).extracting(p -> parse(p).payloadType()).containsExactly(100, 100, 100);
        assertThat(redOut.sent).extracting(p -> parse(p).payloadType()).containsExactly(62, 62, 62);
        assertThat(parse(plainOut.sent.get(1)).payloadLength()).as("the probe stays empty").isZero();
        assertThat(track.redDrops().total()).as("padding is not malformed RED").isZero();
        assertThat(track.redPackets()).isEqualTo(2);
        assertThat(plain.redStripped()).isEqualTo(2);
        assertThat(red.redForwarded()).isEqualTo(2);
    }
}
