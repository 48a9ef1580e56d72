package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtcp.SourceDescription;
import dev.onair.protocol.codec.KeyframeDetector;
import dev.onair.protocol.rtp.AudioLevel;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.transport.clock.ManualClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MediaSenderTest {
    private final ManualClock clock = new ManualClock();
    private final List<byte[]> rtp = new ArrayList<>();
    private final List<byte[]> rtcp = new ArrayList<>();
    private final MediaSender sender = new MediaSender(PeerOptions.publisher().withKeyframeIntervalFrames(3),
            1111, 2222, "cname-x", clock, new SplittableRandom(5), new MediaSender.Output() {
                @Override
                public boolean sendRtp(byte[] buf, int len) {
                    return rtp.add(Arrays.copyOf(buf, len));
                }

                @Override
                public boolean sendRtcp(byte[] buf, int len) {
                    return rtcp.add(Arrays.copyOf(buf, len));
                }
            });

    @Test
    void opusPacketsHaveContinuousSequenceNumbersAnd960TickSteps() {
        assertThat(sender.sendOpus(3)).isEqualTo(3);
        RtpHeader h = new RtpHeader();
        int firstSeq = -1;
        long firstTs = -1;
        for (int i = 0; i < 3; i++) {
            byte[] p = rtp.get(i);
            assertThat(h.parse(p, 0, p.length)).isTrue();
            assertThat(h.payloadType()).isEqualTo(111);
            assertThat(h.ssrc()).isEqualTo(1111);
            assertThat(h.payloadLength()).isEqualTo(MediaSender.OPUS_PAYLOAD_BYTES);
            if (i == 0) {
                firstSeq = h.sequenceNumber();
                firstTs = h.timestamp();
            }
            assertThat(h.sequenceNumber()).isEqualTo((firstSeq + i) & 0xFFFF);
            assertThat(h.timestamp()).isEqualTo((firstTs + 960L * i) & 0xFFFFFFFFL);
        }
        assertThat(sender.nextSequenceNumber(1111)).isEqualTo((firstSeq + 3) & 0xFFFF);
    }

    @Test
    void opusPacketsCarryTheConfiguredAudioLevelUntilItChanges() {
        sender.sendOpus(1);
        MediaSender loud = new MediaSender(PeerOptions.publisher().withAudioLevelDbov(20), 1111, 2222, "c", clock,
                new SplittableRandom(5), new MediaSender.Output() {
                    @Override
                    public boolean sendRtp(byte[] buf, int len) {
                        return rtp.add(Arrays.copyOf(buf, len));
                    }

                    @Override
                    public boolean sendRtcp(byte[] buf, int len) {
                        return false;
                    }
                });
        loud.sendOpus(1);
        loud.setAudioLevelDbov(AudioLevel.SILENCE_DBOV);
        loud.sendOpus(1);
        RtpHeader h = new RtpHeader();
        int id = OfferBuilder.AUDIO_LEVEL_EXTENSION_ID;
        byte[] none = rtp.get(0);
        h.parse(none, 0, none.length);
        assertThat(AudioLevel.element(none, h, id)).as("default: no level").isEqualTo(AudioLevel.ABSENT);
        byte[] first = rtp.get(1);
        h.parse(first, 0, first.length);
        assertThat(AudioLevel.element(first, h, id)).isEqualTo(0x80 | 20); // V=1, -20 dBov
        assertThat(h.payloadLength()).isEqualTo(MediaSender.OPUS_PAYLOAD_BYTES);
        byte[] second = rtp.get(2);
        h.parse(second, 0, second.length);
        assertThat(AudioLevel.element(second, h, id)).isEqualTo(127); // V=0, silence
    }

    @Test
    void keyFramesComeEveryNFramesAndAfterARequestWithTheMarkerOnTheLastPacket() {
        sender.sendVideoFrame(); // frame 0: key (3 packets)
        clock.advanceMillis(33);
        sender.sendVideoFrame(); // frame 1: delta
        sender.requestKeyframe();
        clock.advanceMillis(33);
        sender.sendVideoFrame(); // frame 2: key (requested)
        clock.advanceMillis(33);
        sender.sendVideoFrame(); // frame 3: key (interval 3)
        assertThat(rtp).hasSize(3 + 1 + 3 + 3);
        assertThat(sender.keyframesSent()).isEqualTo(3);
        RtpHeader h = new RtpHeader();
        List<Boolean> markers = new ArrayList<>();
        List<Boolean> keyStarts = new ArrayList<>();
        long previousTs = -1;
        for (byte[] p : rtp) {
            h.parse(p, 0, p.length);
            markers.add(h.marker());
            keyStarts.add(KeyframeDetector.isVp8KeyframeStart(p, h.payloadOffset(), h.payloadLength()));
            assertThat(h.timestamp()).isGreaterThanOrEqualTo(previousTs);
            previousTs = h.timestamp();
        }
        assertThat(markers).containsExactly(false, false, true, true, false, false, true, false, false, true);
        assertThat(keyStarts).containsExactly(true, false, false, false, true, false, false, true, false, false);
        h.parse(rtp.get(3), 0, rtp.get(3).length);
        long ts1 = h.timestamp();
        h.parse(rtp.get(0), 0, rtp.get(0).length);
        assertThat(ts1 - h.timestamp()).as("33 ms at 90 kHz").isEqualTo(2970);
    }

    @Test
    void senderReportsMapTheLastTimestampToNowWithSdes() {
        clock.advanceMillis(1_000);
        assertThat(sender.sendSenderReports()).as("nothing sent yet, no SR").isZero();
        sender.sendOpus(1);
        RtpHeader h = new RtpHeader();
        h.parse(rtp.get(0), 0, rtp.get(0).length);
        clock.advanceMillis(500);
        assertThat(sender.sendSenderReports()).isEqualTo(1);
        RtcpParseResult r = RtcpParser.parse(rtcp.get(0), 0, rtcp.get(0).length);
        assertThat(r.drop()).isNull();
        SenderReport sr = (SenderReport) r.packets().get(0);
        assertThat(sr.ssrc()).isEqualTo(1111);
        assertThat(sr.rtpTimestamp()).isEqualTo((h.timestamp() + 24_000) & 0xFFFFFFFFL);
        assertThat(sr.packetCount()).isEqualTo(1);
        assertThat(sr.octetCount()).isEqualTo(MediaSender.OPUS_PAYLOAD_BYTES);
        assertThat(r.packets().get(1)).isInstanceOf(SourceDescription.class);
    }
}
