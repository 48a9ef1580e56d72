package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-level assertions on offers captured from Firefox ESR 153 (see resources/sdp/README.md). */
class SdpParserFirefoxOfferTest {

    @Test
    void whipOfferKeepsSessionLevelFingerprintAndDirection() {
        SessionDescription d = CapturedOffers.parse(CapturedOffers.FIREFOX_WHIP);
        assertThat(d.origin().username()).isEqualTo("mozilla...THIS_IS_SDPARTA-99.0");
        assertThat(d.origin().sessionVersion()).isEqualTo("0");
        assertThat(d.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(d.fingerprints()).extracting(Fingerprint::algorithm).containsExactly("sha-256");
        assertThat(d.iceOptions()).containsExactly("trickle");
        assertThat(d.msidSemantic()).isEqualTo(new MsidSemantic("WMS", List.of("*")));
        assertThat(d.bundleMids()).containsExactly("0", "1");
        assertThat(d.extmapAllowMixed()).isFalse();
    }

    @Test
    void whipOfferMediaSections() {
        SessionDescription d = CapturedOffers.parse(CapturedOffers.FIREFOX_WHIP);
        MediaDescription a = d.media().get(0);
        assertThat(a.fingerprints()).isEmpty();
        assertThat(a.effectiveDirection(d)).isEqualTo(Direction.SENDONLY);
        assertThat(a.iceUfrag()).isEqualTo("a4a235fa");
        assertThat(a.rtpMap(109)).isEqualTo(new RtpMap(109, "opus", 48000, 2));
        assertThat(a.rtpMap(9)).isEqualTo(new RtpMap(9, "G722", 8000, 1));
        assertThat(a.fmtp(101).parameters()).containsOnlyKeys("0-15");
        assertThat(a.extMaps()).contains(new ExtMap(2, Direction.RECVONLY, "urn:ietf:params:rtp-hdrext:csrc-audio-level", ""));
        assertThat(a.endOfCandidates()).isTrue();
        assertThat(a.candidates()).hasSize(8);
        assertThat(a.candidates().get(4).component()).isEqualTo(2);
        assertThat(a.candidates().get(0).transport()).isEqualTo("UDP");
        assertThat(a.candidates().get(0).address()).endsWith(".local");
        assertThat(a.rtcpRsize()).isFalse();
        assertThat(a.msid()).isEqualTo(new Msid("-", "{764a4f0c-f392-4abc-8632-b1b6ba4b5b4c}"));
        assertThat(a.otherAttributes()).extracting(Attribute::name).contains("extmap-allow-mixed", "rtcp");
        MediaDescription v = d.media().get(1);
        assertThat(v.rtpMap(120)).isEqualTo(new RtpMap(120, "VP8", 90000, 0));
        assertThat(v.fmtp(120).parameters()).containsEntry("max-fs", "12288").containsEntry("max-fr", "60");
        assertThat(v.rtcpFeedback(120)).extracting(RtcpFb::feedback)
                .containsExactly("nack", "nack pli", "ccm fir", "goog-remb", "transport-cc");
        assertThat(v.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2914466874L, 3493600505L)));
    }

    @Test
    void simulcastOfferHasThreeFidPairsAndDirectionalExtmaps() {
        MediaDescription v = CapturedOffers.parse(CapturedOffers.FIREFOX_SIMULCAST).media().get(0);
        assertThat(v.rids()).extracting(Rid::id).containsExactly("q", "h", "f");
        assertThat(v.simulcast().send()).hasSize(3);
        assertThat(v.simulcast().recv()).isEmpty();
        assertThat(v.ssrcGroups()).hasSize(3).allSatisfy(g -> assertThat(g.semantics()).isEqualTo("FID"));
        assertThat(v.extMaps()).contains(
                new ExtMap(9, Direction.SENDONLY, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", ""));
    }

    @Test
    void whepOfferIsRecvOnly() {
        SessionDescription d = CapturedOffers.parse(CapturedOffers.FIREFOX_WHEP);
        assertThat(d.media()).allSatisfy(m -> assertThat(m.effectiveDirection(d)).isEqualTo(Direction.RECVONLY));
    }
}
