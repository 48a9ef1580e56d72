package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.Candidate;
import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.RidDirection;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.protocol.sdp.SetupRole;
import dev.onair.protocol.sdp.Simulcast;
import dev.onair.protocol.sdp.SimulcastStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** WHIP answers to captured Chromium and Firefox offers. */
class PublishAnswerTest {

    private static NegotiationResult publish(String file) {
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.load(file), Offers.LOCAL);
        assertThat(r.error()).isNull();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chromium-whip-offer.sdp", "chromium-simulcast-offer.sdp", "firefox-whip-offer.sdp",
            "firefox-simulcast-offer.sdp"})
    void answerFollowsTheRules(String file) {
        SessionDescription offer = Offers.load(file);
        NegotiationResult r = publish(file);
        SessionDescription answer = Offers.parse(r.answerSdp());
        assertThat(r.answerSdp()).startsWith("v=0\r\no=- 4242 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
        assertThat(answer.iceLite()).isTrue();
        assertThat(answer.bundleMids()).isEqualTo(offer.bundleMids());
        assertThat(answer.media()).hasSameSizeAs(offer.media());
        for (MediaDescription m : answer.media()) {
            assertThat(m.port()).isEqualTo(9);
            assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
            assertThat(m.setup()).isEqualTo(SetupRole.PASSIVE);
            assertThat(m.iceUfrag()).isEqualTo("sfuU");
            assertThat(m.icePwd()).isEqualTo("sfuPasswordSfuPassword");
            assertThat(m.fingerprints()).singleElement()
                    .satisfies(f -> assertThat(f.toAttributeValue()).isEqualTo("sha-256 " + Offers.FINGERPRINT_HEX));
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtpMaps()).filteredOn(map -> !map.is("rtx") && !map.is("red")).hasSize(1)
                    .allSatisfy(map -> assertThat(map.encodingName()).isIn("opus", "VP8"));
            String mainPt = Integer.toString(m.rtpMaps().stream().filter(map -> !map.is("rtx") && !map.is("red"))
                    .findFirst().orElseThrow().payloadType());
            assertThat(m.rtpMaps()).filteredOn(map -> map.is("red"))
                    .allSatisfy(map -> assertThat(m.fmtp(map.payloadType()).raw()).isEqualTo(mainPt + "/" + mainPt));
            assertThat(m.rtpMaps()).filteredOn(map -> map.is("rtx"))
                    .allSatisfy(map -> assertThat(m.fmtp(map.payloadType()).parameter("apt")).isEqualTo(mainPt));
            assertThat(m.ssrcs()).isEmpty();
            assertThat(m.msids()).isEmpty();
            assertThat(m.endOfCandidates()).isTrue();
            assertThat(m.candidates()).hasSize(3);
            assertThat(m.mid()).isEqualTo(offer.media().get(answer.media().indexOf(m)).mid());
        }
        NegotiatedSession s = r.session();
        assertThat(s.localRole()).isEqualTo(DtlsRole.SERVER);
        assertThat(s.remoteFingerprint().algorithm()).isEqualTo("sha-256");
        assertThat(s.remoteFingerprint().digest()).hasSize(32);
        assertThat(s.media()).allSatisfy(m -> {
            assertThat(m.localDirection()).isEqualTo(Direction.RECVONLY);
            assertThat(m.hasLocalSsrc()).isFalse();
        });
    }

    @Test
    void chromiumWhipAnswerLines() {
        NegotiationResult r = publish("chromium-whip-offer.sdp");
        assertThat(r.answerSdp()).contains(
                "a=group:BUNDLE 0 1\r\na=ice-lite\r\na=msid-semantic: WMS *\r\n",
                // RED before opus: libwebrtc sends RED only when it precedes the codec it carries
                "m=audio 9 UDP/TLS/RTP/SAVPF 63 111\r\nc=IN IP4 0.0.0.0\r\n",
                "a=rtpmap:63 red/48000/2\r\na=rtpmap:111 opus/48000/2\r\n"
                        + "a=fmtp:63 111/111\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
                "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n",
                "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\n",
                "a=fmtp:97 apt=96\r\n",
                "a=rtcp-fb:96 goog-remb\r\na=rtcp-fb:96 ccm fir\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
                        + "a=rtcp-fb:96 transport-cc\r\n",
                "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n",
                "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n",
                "a=candidate:1 1 udp 2130706431 192.0.2.10 3478 typ host\r\n"
                        + "a=candidate:2 1 udp 2130706175 2001:db8:0:0:0:0:0:10 3478 typ host\r\n"
                        + "a=candidate:1 1 udp 2130705919 192.0.2.10 3479 typ host\r\n"
                        + "a=end-of-candidates\r\n");
        assertThat(r.answerSdp()).doesNotContain("ulpfec", "H264", "a=rtcp-fb:111 nack", "a=ssrc-group");
        NegotiatedSession s = r.session();
        assertThat(s.remoteIceUfrag()).isEqualTo("2Caz");
        assertThat(s.remoteIcePwd()).isEqualTo("UCR/BLWMa/4f28wJewX03OO/");
        assertThat(s.remoteFingerprint().digest()).startsWith((byte) 0x3A, (byte) 0xF6, (byte) 0x55);
        assertThat(s.rtcpReducedSize()).isTrue();
        NegotiatedMedia audio = s.mediaByMid("0");
        assertThat(audio.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(audio.codecs()).extracting(NegotiatedCodec::name).containsExactly("red", "opus");
        assertThat(audio.codecs().get(1)).satisfies(c -> {
            assertThat(c.payloadType()).isEqualTo(111);
            assertThat(c.channels()).isEqualTo(2);
            assertThat(c.rtcpFeedback()).containsExactly("transport-cc");
        });
        assertThat(audio.remoteSsrcs()).containsExactly(new RemoteSsrc(1194715756L, -1, "qS1TAD1l5aqjbsVE"));
        assertThat(audio.remoteMsid().trackId()).isEqualTo("05b3412d-f02e-4ebf-949b-6baa2bee3faf");
        NegotiatedMedia video = s.mediaByMid("1");
        assertThat(video.codecs()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("VP8");
            assertThat(c.rtcpFeedback()).containsExactly("goog-remb", "ccm fir", "nack", "nack pli", "transport-cc");
            assertThat(c.rtxPayloadType()).isEqualTo(97);
        });
        assertThat(video.remoteSsrcs()).containsExactly(new RemoteSsrc(1438231479L, 3837214496L, "qS1TAD1l5aqjbsVE"));
        assertThat(video.extensionId("urn:3gpp:video-orientation")).isEqualTo(13);
        assertThat(video.extensionId("urn:ietf:params:rtp-hdrext:sdes:mid")).isEqualTo(4);
    }

    @Test
    void chromiumOfferPreferringH264GetsH264WithEchoedFmtp() {
        String offer = Offers.text("chromium-whip-offer.sdp")
                .replace("m=video 59108 UDP/TLS/RTP/SAVPF 96 97 102", "m=video 59108 UDP/TLS/RTP/SAVPF 104 108 96 97 102");
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(offer), Offers.LOCAL);
        NegotiatedCodec h264 = r.session().mediaByMid("1").codecs().get(0);
        assertThat(h264.payloadType()).isEqualTo(108); // 104 is packetization-mode=0
        assertThat(h264.fmtp()).containsEntry("profile-level-id", "42e01f").containsEntry("packetization-mode", "1")
                .containsEntry("level-asymmetry-allowed", "1");
        assertThat(h264.rtxPayloadType()).isEqualTo(109);
        assertThat(r.answerSdp()).contains("m=video 9 UDP/TLS/RTP/SAVPF 108 109\r\n", "a=rtpmap:108 H264/90000\r\n",
                "a=fmtp:109 apt=108\r\n",
                "a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chromium-simulcast-offer.sdp", "firefox-simulcast-offer.sdp"})
    void simulcastOfferGetsRecvRidsAndSimulcast(String file) {
        NegotiationResult r = publish(file);
        MediaDescription m = Offers.parse(r.answerSdp()).media().get(0);
        assertThat(m.rids()).extracting(x -> x.id()).containsExactly("q", "h", "f");
        assertThat(m.rids()).allSatisfy(x -> assertThat(x.direction()).isEqualTo(RidDirection.RECV));
        assertThat(m.simulcast()).isEqualTo(new Simulcast(List.of(),
                List.of(SimulcastStream.of("q"), SimulcastStream.of("h"), SimulcastStream.of("f"))));
        NegotiatedMedia media = r.session().media().get(0);
        assertThat(media.rids()).hasSize(3);
        assertThat(media.simulcast().send()).hasSize(3);
        assertThat(media.extensionId("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")).isPositive();
    }

    @Test
    void firefoxUsesSessionLevelFingerprintAndDirectionalExtmaps() {
        NegotiationResult r = publish("firefox-simulcast-offer.sdp");
        assertThat(r.session().remoteFingerprint().digest()).startsWith((byte) 0x0F, (byte) 0x5D);
        assertThat(r.session().remoteIceUfrag()).isEqualTo("6a72e652");
        assertThat(r.answerSdp()).contains("a=extmap:9/recvonly urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n");
        assertThat(r.session().media().get(0).remoteSsrcs()).extracting(RemoteSsrc::rtxSsrc)
                .containsExactly(1354013455L, 566401084L, 3209438313L);
        NegotiationResult whip = publish("firefox-whip-offer.sdp");
        assertThat(whip.session().rtcpReducedSize()).isFalse(); // Firefox's audio m-line has no a=rtcp-rsize
        assertThat(whip.answerSdp()).contains("a=rtpmap:109 opus/48000/2\r\na=fmtp:109 minptime=10;useinbandfec=1\r\n");
    }

    @Test
    void candidatePrioritiesDecreaseAndFoundationsFollowAddresses() {
        List<Candidate> c = AnswerCandidates.of(Offers.LOCAL.candidates());
        assertThat(c).extracting(Candidate::priority).containsExactly(2130706431L, 2130706175L, 2130705919L);
        assertThat(c).extracting(Candidate::foundation).containsExactly("1", "2", "1");
        assertThat(Set.copyOf(c.stream().map(Candidate::type).toList())).containsExactly("host");
    }

    @Test
    void chromiumTransportCcIsAnsweredWithTheOffersIdOnBothMlines() {
        NegotiationResult r = publish("chromium-whip-offer.sdp");
        String uri = NegotiatedExtension.TRANSPORT_CC;
        assertThat(r.answerSdp()).contains("a=extmap:3 " + uri + "\r\n", "a=rtcp-fb:111 transport-cc\r\n",
                "a=rtcp-fb:96 transport-cc\r\n");
        assertThat(r.session().mediaByMid("0").extensionId(uri)).isEqualTo(3);
        assertThat(r.session().mediaByMid("1").extensionId(uri)).isEqualTo(3);
    }

    @Test
    void offerWithoutTransportCcGetsNone() {
        String offer = Offers.text("chromium-whip-offer.sdp")
                .replace("a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n", "")
                .replace(" transport-cc\r\n", " goog-remb\r\n");
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(offer), Offers.LOCAL);
        assertThat(r.error()).isNull();
        assertThat(r.answerSdp()).doesNotContain("transport-cc", "transport-wide-cc");
        assertThat(r.session().mediaByMid("1").extensionId(NegotiatedExtension.TRANSPORT_CC)).isZero();
    }
}
