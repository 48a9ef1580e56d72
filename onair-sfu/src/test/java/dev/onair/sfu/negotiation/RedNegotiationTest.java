package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/** RFC 2198 RED and the opus FEC/DTX parameters in publish and subscribe answers. */
class RedNegotiationTest {
    private static final String WHIP = Offers.text("chromium-whip-offer.sdp");
    private static final String WHEP = Offers.text("chromium-whep-offer.sdp");

    private static MediaDescription publishAudio(String offer) {
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(offer), Offers.LOCAL);
        assertThat(r.error()).isNull();
        return Offers.parse(r.answerSdp()).media().get(0);
    }

    private static MediaDescription subscribeAudio(String offer) {
        NegotiationResult r = SdpNegotiator.answerSubscribe(Offers.parse(offer), Offers.LOCAL, Offers.counting(1000));
        assertThat(r.error()).isNull();
        return Offers.parse(r.answerSdp()).media().get(0);
    }

    @Test
    void publisherWithoutRedGetsOpusOnly() {
        MediaDescription audio = publishAudio(dropRed(WHIP));
        assertThat(audio.formats()).containsExactly("111");
    }

    @Test
    void subscriberWithoutRedGetsOpusOnly() {
        MediaDescription audio = subscribeAudio(dropRed(WHEP));
        assertThat(audio.formats()).containsExactly("111");
    }

    @Test
    void redThatNamesAnotherCodecIsNotAnswered() {
        MediaDescription audio = subscribeAudio(WHEP.replace("a=fmtp:63 111/111", "a=fmtp:63 0/0"));
        assertThat(audio.formats()).containsExactly("111");
        audio = publishAudio(WHIP.replace("a=fmtp:63 111/111", "a=fmtp:63 111/0"));
        assertThat(audio.formats()).containsExactly("111");
        audio = publishAudio(WHIP.replace("a=fmtp:63 111/111\r\n", ""));
        assertThat(audio.formats()).containsExactly("111");
    }

    @Test
    void redKeepsTheSubscribersOwnPayloadTypes() {
        String offer = WHEP.replace("111 63 9", "109 62 9").replace(":111 ", ":109 ").replace(":63 ", ":62 ")
                .replace("a=fmtp:62 111/111", "a=fmtp:62 109/109");
        MediaDescription audio = subscribeAudio(offer);
        assertThat(audio.formats()).containsExactly("109", "62");
        assertThat(audio.fmtp(62).raw()).isEqualTo("109/109");
    }

    @Test
    void opusAnswerKeepsInbandFecAndOfferedDtx() {
        String dtx = WHIP.replace("a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1");
        assertThat(publishAudio(dtx).fmtp(111).parameters()).containsEntry("useinbandfec", "1")
                .containsEntry("usedtx", "1");
        assertThat(publishAudio(WHIP).fmtp(111).parameters()).containsEntry("useinbandfec", "1")
                .doesNotContainKey("usedtx");
        String dtxWhep = WHEP.replace("a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1");
        assertThat(subscribeAudio(dtxWhep).fmtp(111).parameters()).containsEntry("usedtx", "1");
    }

    @Test
    void negotiatedSessionCarriesRedAsACodec() {
        NegotiationResult r = SdpNegotiator.answerPublish(Offers.parse(WHIP), Offers.LOCAL);
        SessionDescription answer = Offers.parse(r.answerSdp());
        assertThat(answer.media().get(0).rtpMap(63).encodingName()).isEqualTo("red");
        assertThat(r.session().mediaByMid("0").codecs()).extracting(NegotiatedCodec::payloadType)
                .containsExactly(63, 111);
    }

    private static String dropRed(String sdp) {
        return sdp.replace(" 111 63 9", " 111 9").replace("a=rtpmap:63 red/48000/2\r\n", "")
                .replace("a=fmtp:63 111/111\r\n", "");
    }
}
