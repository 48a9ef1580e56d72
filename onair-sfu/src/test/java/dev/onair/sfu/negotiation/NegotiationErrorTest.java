package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.SetupRole;
import org.junit.jupiter.api.Test;

/** Every rejection rule gives its code and one-line reason; edge rules that do not reject. */
class NegotiationErrorTest {
    private static final String WHIP = Offers.text("chromium-whip-offer.sdp");
    private static final String WHEP = Offers.text("chromium-whep-offer.sdp");

    private static NegotiationError publishError(String sdp) {
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(sdp), Offers.LOCAL);
        assertThat(r.session()).isNull();
        assertThat(r.answerSdp()).isNull();
        return r.error();
    }

    private static NegotiationError subscribeError(String sdp) {
        NegotiationResult r = SdpNegotiator.answerSubscribe(Offers.parse(sdp), Offers.LOCAL, Offers.counting(1));
        assertThat(r.isOk()).isFalse();
        return r.error();
    }

    @Test
    void noMediaLines() {
        assertThat(publishError(WHIP.substring(0, WHIP.indexOf("m=audio"))))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "offer has no m-lines"));
    }

    @Test
    void noBundleGroup() {
        assertThat(publishError(WHIP.replace("a=group:BUNDLE 0 1\r\n", "")))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "offer has no a=group:BUNDLE"));
    }

    @Test
    void missingRtcpMux() {
        assertThat(publishError(WHIP.replace("a=rtcp-mux\r\n", "")))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "m-line 0 has no a=rtcp-mux"));
    }

    @Test
    void missingIceCredentials() {
        assertThat(publishError(WHIP.replace("a=ice-ufrag:2Caz\r\n", "")))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "offer has no a=ice-ufrag"));
        assertThat(publishError(WHIP.replace("a=ice-pwd:UCR/BLWMa/4f28wJewX03OO/\r\n", "")))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "offer has no a=ice-pwd"));
    }

    @Test
    void missingOrUnsupportedFingerprint() {
        String noFp = WHIP.replaceAll("a=fingerprint:[^\r]*\r\n", "");
        assertThat(publishError(noFp))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "offer has no a=fingerprint"));
        assertThat(publishError(WHIP.replace("a=fingerprint:sha-256", "a=fingerprint:md5")).reason())
                .isEqualTo("offer fingerprint algorithm md5 is not supported (sha-256, sha-384, sha-512)");
        assertThat(publishError(WHIP.replace(":75:5A\r\n", "\r\n")).code()) // 31 bytes for sha-256
                .isEqualTo(NegotiationErrorCode.MALFORMED);
    }

    @Test
    void holdconnIsMalformedAndPassiveMakesUsTheClient() {
        assertThat(publishError(WHIP.replace("a=setup:actpass", "a=setup:holdconn")))
                .isEqualTo(new NegotiationError(NegotiationErrorCode.MALFORMED, "offer has a=setup:holdconn"));
        NegotiationResult passive = SdpNegotiator.answerPublish(
                Offers.parse(WHIP.replace("a=setup:actpass", "a=setup:passive")), Offers.LOCAL);
        assertThat(passive.session().localRole()).isEqualTo(DtlsRole.CLIENT);
        assertThat(Offers.parse(passive.answerSdp()).media()).allSatisfy(m -> assertThat(m.setup()).isEqualTo(SetupRole.ACTIVE));
        NegotiationResult active = SdpNegotiator.answerPublish(
                Offers.parse(WHIP.replace("a=setup:actpass", "a=setup:active")), Offers.LOCAL);
        assertThat(active.session().localRole()).isEqualTo(DtlsRole.SERVER);
    }

    @Test
    void wrongDirection() {
        assertThat(publishError(WHEP)).isEqualTo(
                new NegotiationError(NegotiationErrorCode.UNSUPPORTED, "publish offer sends no audio or video"));
        assertThat(subscribeError(WHIP)).isEqualTo(
                new NegotiationError(NegotiationErrorCode.UNSUPPORTED, "subscribe offer receives no audio or video"));
    }

    @Test
    void noCommonCodec() {
        String noCodec = WHIP.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/1")
                .replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP7/90000")
                .replace("packetization-mode=1", "packetization-mode=0");
        NegotiationError e = publishError(noCodec);
        assertThat(e.code()).isEqualTo(NegotiationErrorCode.UNSUPPORTED);
        assertThat(e.reason()).startsWith("no common codec in any m-line").doesNotContain("\n");
    }

    @Test
    void mediaWithoutCommonCodecIsRejectedWhileOthersAreAccepted() {
        String noAudio = WHIP.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/1");
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(noAudio), Offers.LOCAL);
        assertThat(r.answerSdp()).contains("a=group:BUNDLE 1\r\n",
                "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=inactive\r\nm=video 9 ");
        assertThat(r.session().media()).extracting(NegotiatedMedia::mid).containsExactly("1");
    }

    @Test
    void applicationAndUnbundledMediaAreRejected() {
        String withData = WHIP.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 2")
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\n"
                + "a=sctp-port:5000\r\n";
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(withData), Offers.LOCAL);
        assertThat(r.answerSdp()).contains("a=group:BUNDLE 0\r\n",
                "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=inactive\r\n",
                "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\na=inactive\r\n");
        assertThat(r.session().media()).extracting(NegotiatedMedia::mid).containsExactly("0");
    }
}
