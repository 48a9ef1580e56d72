package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.protocol.sdp.SetupRole;
import org.junit.jupiter.api.Test;

class OfferBuilderTest {
    private static final LocalDescription LOCAL = new LocalDescription("cliU", "clientPasswordClientPwd",
            Answers.FINGERPRINT, 1111, 2222, "cn", 77);

    @Test
    void aPublishOfferSendsOpusAndVp8WithSsrcsMsidsAndTransport() {
        String offer = OfferBuilder.build(PeerOptions.publisher(), LOCAL);
        SessionDescription d = parse(offer);
        assertThat(d.bundleMids()).containsExactly("0", "1");
        MediaDescription audio = d.media().get(0);
        MediaDescription video = d.media().get(1);
        for (MediaDescription m : d.media()) {
            assertThat(m.iceUfrag()).isEqualTo("cliU");
            assertThat(m.icePwd()).isEqualTo("clientPasswordClientPwd");
            assertThat(m.setup()).isEqualTo(SetupRole.ACTPASS);
            assertThat(m.fingerprints()).singleElement().satisfies(f -> {
                assertThat(f.algorithm()).isEqualTo("sha-256");
                assertThat(f.hex()).isEqualTo(Answers.FINGERPRINT);
            });
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtcpRsize()).isTrue();
            assertThat(m.direction()).isEqualTo(Direction.SENDONLY);
            assertThat(m.extMapId(OfferBuilder.MID_URI)).isEqualTo(4);
            assertThat(m.candidates()).isEmpty();
        }
        assertThat(audio.mid()).isEqualTo("0");
        assertThat(audio.rtpMap(111).encodingName()).isEqualTo("opus");
        assertThat(audio.rtpMap(111).channels()).isEqualTo(2);
        assertThat(audio.fmtp(111).parameters().get("useinbandfec")).isEqualTo("1");
        assertThat(audio.fmtp(111).parameters().get("minptime")).isEqualTo("10");
        assertThat(audio.extMapId(OfferBuilder.AUDIO_LEVEL_URI)).isEqualTo(1);
        assertThat(audio.ssrcIds()).containsExactly(1111L);
        assertThat(audio.ssrcAttribute(1111, "cname")).isEqualTo("cn");
        assertThat(video.mid()).isEqualTo("1");
        assertThat(video.rtpMap(96).encodingName()).isEqualTo("VP8");
        assertThat(video.rtcpFeedback(96)).extracting(fb -> fb.feedback())
                .contains("nack pli", "ccm fir");
        assertThat(video.ssrcIds()).containsExactly(2222L);
        assertThat(video.msid()).isNotNull();
    }

    @Test
    void aSubscribeOfferReceivesWithoutSsrcsAndH264UsesPt102WithItsFmtp() {
        SessionDescription d = parse(OfferBuilder.build(
                PeerOptions.subscriber().withVideoCodec(VideoCodec.H264), LOCAL));
        for (MediaDescription m : d.media()) {
            assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
            assertThat(m.ssrcIds()).isEmpty();
        }
        MediaDescription video = d.media().get(1);
        assertThat(video.formats()).containsExactly("102");
        assertThat(video.fmtp(102).parameters().get("profile-level-id")).isEqualTo("42e01f");
        assertThat(video.fmtp(102).parameters().get("packetization-mode")).isEqualTo("1");
    }

    private static SessionDescription parse(String sdp) {
        SdpParseResult r = SdpParser.parse(sdp);
        assertThat(r.error()).as("offer parses").isNull();
        return r.description();
    }
}
