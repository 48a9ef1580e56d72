package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.Msid;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.protocol.sdp.SetupRole;
import org.junit.jupiter.api.Test;

/** WHEP answers to captured Chromium and Firefox offers. */
class SubscribeAnswerTest {

    @Test
    void chromiumWhepGetsSendOnlyWithAllSupportedCodecsAndOurSsrcs() {
        NegotiationResult r = SdpNegotiator.answerSubscribe(Offers.load("chromium-whep-offer.sdp"), Offers.LOCAL,
                Offers.counting(1000));
        assertThat(r.error()).isNull();
        SessionDescription answer = Offers.parse(r.answerSdp());
        assertThat(answer.iceLite()).isTrue();
        assertThat(answer.bundleMids()).containsExactly("0", "1");
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio.setup()).isEqualTo(SetupRole.PASSIVE);
        assertThat(audio.formats()).containsExactly("111", "63");
        assertThat(audio.fmtp(63).raw()).isEqualTo("111/111");
        assertThat(audio.msid()).isEqualTo(new Msid("onair", "audio-0"));
        assertThat(audio.ssrcAttribute(1000, "cname")).isEqualTo("onaircname");
        assertThat(audio.ssrcAttribute(1000, "msid")).isEqualTo("onair audio-0");
        MediaDescription video = answer.media().get(1);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        // VP8 96, H264 102 (42001f pm=1), H264 108 (42e01f pm=1), in the offer's order; pm=0 and 4d/f4/64 left out
        // each with its rtx (97, 103, 109; RFC 4588 apt)
        assertThat(video.formats()).containsExactly("96", "97", "102", "103", "108", "109");
        assertThat(video.fmtp(103).raw()).isEqualTo("apt=102");
        assertThat(video.fmtp(102).raw()).isEqualTo("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
        assertThat(video.rtcpFeedback(108)).extracting(fb -> fb.feedback())
                .containsExactly("goog-remb", "ccm fir", "nack", "nack pli", "transport-cc");
        assertThat(audio.rtcpFeedback(111)).extracting(fb -> fb.feedback()).containsExactly("transport-cc");
        assertThat(video.extMapId(NegotiatedExtension.TRANSPORT_CC)).isEqualTo(3);
        assertThat(audio.extMapId(NegotiatedExtension.TRANSPORT_CC)).isEqualTo(3);
        assertThat(video.msid()).isEqualTo(new Msid("onair", "video-1"));
        // our RTX SSRC: the allocator's next value, grouped with the media SSRC as Chromium expects
        assertThat(video.ssrcIds()).containsExactly(1001L, 1002L);
        assertThat(video.ssrcGroups()).singleElement().satisfies(g -> {
            assertThat(g.semantics()).isEqualTo("FID");
            assertThat(g.ssrcs()).containsExactly(1001L, 1002L);
        });
        assertThat(video.ssrcAttribute(1002, "msid")).isEqualTo("onair video-1");
        assertThat(audio.ssrcGroups()).isEmpty();
        assertThat(video.extMaps()).extracting(e -> e.uri()).doesNotContain(
                "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
        assertThat(video.extMapId("urn:3gpp:video-orientation")).isEqualTo(13);
        assertThat(video.candidates()).hasSize(3);
        assertThat(r.answerSdp()).contains("a=msid:onair video-1\r\n", "a=ssrc:1001 cname:onaircname\r\n",
                "a=ssrc:1001 msid:onair video-1\r\n");
        NegotiatedSession s = r.session();
        assertThat(s.media()).extracting(NegotiatedMedia::localSsrc).containsExactly(1000L, 1001L);
        assertThat(s.media()).extracting(NegotiatedMedia::localRtxSsrc).containsExactly(-1L, 1002L);
        assertThat(s.mediaByMid("1").codecs()).extracting(NegotiatedCodec::rtxPayloadType).containsExactly(97, 103, 109);
        assertThat(s.media()).allSatisfy(m -> assertThat(m.localDirection()).isEqualTo(Direction.SENDONLY));
        assertThat(s.mediaByMid("1").codecs()).extracting(NegotiatedCodec::payloadType).containsExactly(96, 102, 108);
        assertThat(s.mediaByMid("1").remoteSsrcs()).isEmpty();
    }

    @Test
    void firefoxWhepUsesSessionLevelFingerprintAndMediaLevelRecvOnly() {
        NegotiationResult r = SdpNegotiator.answerSubscribe(Offers.load("firefox-whep-offer.sdp"), Offers.LOCAL,
                Offers.counting(7));
        assertThat(r.error()).isNull();
        SessionDescription answer = Offers.parse(r.answerSdp());
        assertThat(answer.media()).extracting(MediaDescription::direction).containsOnly(Direction.SENDONLY);
        assertThat(answer.media().get(0).formats()).containsExactly("109");
        assertThat(answer.media().get(1).formats()).containsExactly("120", "124");
        assertThat(r.session().remoteFingerprint().digest()).startsWith((byte) 0xFA, (byte) 0x59);
        assertThat(r.session().mediaByMid("0").codecs().get(0).fmtp())
                .containsEntry("minptime", "10").containsEntry("useinbandfec", "1").hasSize(2);
        assertThat(r.session().mediaByMid("1").codecs().get(0).fmtp()).isEmpty(); // Firefox's VP8 max-fs is not echoed
    }

    @Test
    void sendrecvOfferIsAcceptedForSubscribeAndPublish() {
        String sendrecv = Offers.text("chromium-whip-offer.sdp").replace("a=sendonly", "a=sendrecv");
        assertThat(SdpNegotiator.answerSubscribe(Offers.parse(sendrecv), Offers.LOCAL, Offers.counting(1)).isOk()).isTrue();
        assertThat(SdpNegotiator.answerPublish(Offers.parse(sendrecv), Offers.LOCAL).isOk()).isTrue();
    }

    @Test
    void ssrcAllocatorValuesAreTruncatedToThirtyTwoBits() {
        NegotiationResult r = SdpNegotiator.answerSubscribe(Offers.load("chromium-whep-offer.sdp"), Offers.LOCAL,
                Offers.counting(0x1_0000_0005L));
        assertThat(r.session().media()).extracting(NegotiatedMedia::localSsrc).containsExactly(5L, 6L);
    }

    @Test
    void offerWithoutRtxGetsNeitherRtxNorAnRtxSsrc() {
        String noRtx = Offers.text("chromium-whep-offer.sdp").replaceAll("a=rtpmap:\\d+ rtx/90000\r\n", "");
        NegotiationResult r = SdpNegotiator.answerSubscribe(Offers.parse(noRtx), Offers.LOCAL, Offers.counting(1000));
        assertThat(r.error()).isNull();
        assertThat(r.answerSdp()).doesNotContain("rtx", "ssrc-group", "a=ssrc:1002");
        assertThat(r.session().mediaByMid("1").localRtxSsrc()).isEqualTo(-1L);
        assertThat(r.session().mediaByMid("1").codecs()).allSatisfy(c -> assertThat(c.hasRtx()).isFalse());
    }

    @Test
    void rtxSsrcIsAskedForWithItsOwnKeySoARenegotiationKeepsIt() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        SdpNegotiator.answerSubscribe(Offers.load("chromium-whep-offer.sdp"), Offers.LOCAL, mid -> {
            keys.add(mid);
            return 10 + keys.size();
        });
        assertThat(keys).containsExactly("0", "1", "1" + SdpNegotiator.RTX_KEY_SUFFIX);
    }
}
