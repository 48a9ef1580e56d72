package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-level assertions on offers captured from Chromium 156 (see resources/sdp/README.md). */
class SdpParserChromiumOfferTest {

    @Test
    void whipOfferSessionLevel() {
        SessionDescription d = CapturedOffers.parse(CapturedOffers.CHROMIUM_WHIP);
        assertThat(d.origin()).isEqualTo(new Origin("-", "7869887082787901792", "2", "IN", "IP4", "127.0.0.1"));
        assertThat(d.sessionName()).isEqualTo("-");
        assertThat(d.timing()).isEqualTo("0 0");
        assertThat(d.bundleMids()).containsExactly("0", "1");
        assertThat(d.extmapAllowMixed()).isTrue();
        assertThat(d.msidSemantic()).isEqualTo(new MsidSemantic("WMS", List.of()));
        assertThat(d.iceLite()).isFalse();
        assertThat(d.media()).hasSize(2);
    }

    @Test
    void whipOfferAudioSection() {
        MediaDescription a = CapturedOffers.parse(CapturedOffers.CHROMIUM_WHIP).media().get(0);
        assertThat(a.kind()).isEqualTo("audio");
        assertThat(a.port()).isEqualTo(50228);
        assertThat(a.proto()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(a.formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
        assertThat(a.connection()).isEqualTo(new Connection("IN", "IP4", "192.0.2.2"));
        assertThat(a.mid()).isEqualTo("0");
        assertThat(a.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(a.iceUfrag()).isEqualTo("2Caz");
        assertThat(a.icePwd()).isEqualTo("UCR/BLWMa/4f28wJewX03OO/");
        assertThat(a.iceOptions()).containsExactly("trickle");
        assertThat(a.fingerprints()).containsExactly(new Fingerprint("sha-256",
                "3A:F6:55:1F:3D:D5:47:A0:F3:2F:9F:25:EE:59:4C:6F:B5:51:AC:85:EA:FE:7C:C4:6B:40:D8:57:40:33:75:5A"));
        assertThat(a.fingerprints().get(0).digestBytes()).hasSize(32).startsWith((byte) 0x3A, (byte) 0xF6);
        assertThat(a.setup()).isEqualTo(SetupRole.ACTPASS);
        assertThat(a.rtcpMux()).isTrue();
        assertThat(a.rtcpRsize()).isTrue();
        assertThat(a.rtpMap(111)).isEqualTo(new RtpMap(111, "opus", 48000, 2));
        assertThat(a.rtpMap(0)).isEqualTo(new RtpMap(0, "PCMU", 8000, 0));
        assertThat(a.fmtp(111).parameters()).containsEntry("minptime", "10").containsEntry("useinbandfec", "1");
        assertThat(a.rtcpFeedback(111)).containsExactly(new RtcpFb(111, "transport-cc", ""));
        assertThat(a.extMaps()).containsExactly(
                ExtMap.of(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                ExtMap.of(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                ExtMap.of(3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
                ExtMap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        assertThat(a.msid()).isEqualTo(new Msid("-", "05b3412d-f02e-4ebf-949b-6baa2bee3faf"));
        assertThat(a.ssrcIds()).containsExactly(1194715756L);
        assertThat(a.ssrcAttribute(1194715756L, "cname")).isEqualTo("qS1TAD1l5aqjbsVE");
        assertThat(a.ssrcAttribute(1194715756L, "msid")).isEqualTo("- 05b3412d-f02e-4ebf-949b-6baa2bee3faf");
        assertThat(a.candidates()).hasSize(4);
        assertThat(a.candidates().get(0)).isEqualTo(new Candidate("2559429972", 1, "udp", 2122194687L, "192.0.2.2",
                50228, "host", null, -1, List.of("generation", "0", "network-id", "1")));
        assertThat(a.candidates().get(2).transport()).isEqualTo("tcp");
        assertThat(a.candidates().get(2).extension("tcptype")).isEqualTo("active");
        assertThat(a.endOfCandidates()).isFalse();
        assertThat(a.otherAttributes()).containsExactly(new Attribute("rtcp", "9 IN IP4 0.0.0.0"),
                new Attribute("rtcp-xr", "rcvr-rtt=all"));
    }

    @Test
    void whipOfferVideoCodecsFeedbackAndRtx() {
        MediaDescription v = CapturedOffers.parse(CapturedOffers.CHROMIUM_WHIP).media().get(1);
        assertThat(v.mid()).isEqualTo("1");
        assertThat(v.rtpMap(96)).isEqualTo(new RtpMap(96, "VP8", 90000, 0));
        assertThat(v.rtpMap(102)).isEqualTo(new RtpMap(102, "H264", 90000, 0));
        assertThat(v.fmtp(102).parameters()).containsEntry("profile-level-id", "42001f")
                .containsEntry("packetization-mode", "1").containsEntry("level-asymmetry-allowed", "1");
        assertThat(v.fmtp(102).raw()).isEqualTo("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
        assertThat(v.fmtp(108).parameter("profile-level-id")).isEqualTo("42e01f");
        assertThat(v.fmtp(104).parameter("packetization-mode")).isEqualTo("0");
        assertThat(v.fmtp(97).parameter("apt")).isEqualTo("96");
        assertThat(v.rtcpFeedback(96)).extracting(RtcpFb::feedback)
                .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        assertThat(v.extMapId("urn:3gpp:video-orientation")).isEqualTo(13);
        assertThat(v.extMapId("urn:ietf:params:rtp-hdrext:toffset")).isEqualTo(14);
        assertThat(v.extMapId("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")).isEqualTo(10);
        assertThat(v.extMapId("urn:example:absent")).isZero();
        assertThat(v.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(1438231479L, 3837214496L)));
        assertThat(v.ssrcIds()).containsExactly(1438231479L, 3837214496L);
    }

    @Test
    void whepOfferIsRecvOnlyWithoutSsrcs() {
        SessionDescription d = CapturedOffers.parse(CapturedOffers.CHROMIUM_WHEP);
        assertThat(d.bundleMids()).containsExactly("0", "1");
        assertThat(d.media()).extracting(MediaDescription::direction).containsOnly(Direction.RECVONLY);
        assertThat(d.media()).allSatisfy(m -> assertThat(m.ssrcs()).isEmpty());
        assertThat(d.media()).allSatisfy(m -> assertThat(m.msids()).isEmpty());
        assertThat(d.media().get(0).port()).isEqualTo(9);
        assertThat(d.media().get(1).fmtp(108).parameter("profile-level-id")).isEqualTo("42e01f");
    }

    @Test
    void simulcastOfferRidsAndSimulcast() {
        MediaDescription v = CapturedOffers.parse(CapturedOffers.CHROMIUM_SIMULCAST).media().get(0);
        assertThat(v.rids()).containsExactly(new Rid("q", RidDirection.SEND, ""), new Rid("h", RidDirection.SEND, ""),
                new Rid("f", RidDirection.SEND, ""));
        assertThat(v.simulcast()).isEqualTo(new Simulcast(
                List.of(SimulcastStream.of("q"), SimulcastStream.of("h"), SimulcastStream.of("f")), List.of()));
        assertThat(v.ssrcs()).isEmpty();
        assertThat(v.extMapId("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id")).isEqualTo(11);
    }
}
