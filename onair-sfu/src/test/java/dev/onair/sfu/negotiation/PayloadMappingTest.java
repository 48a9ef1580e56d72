package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mapping the publisher's payload types and extension ids onto a subscriber's. */
class PayloadMappingTest {

    /** A subscriber offer whose VP8 is 100, H264 42e01f is 101 and whose extension ids differ. */
    private static final String SUBSCRIBER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE v\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 100 101\r\nc=IN IP4 0.0.0.0\r\n"
            + "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
            + "a=fingerprint:sha-256 " + Offers.FINGERPRINT_HEX + "\r\na=setup:actpass\r\na=mid:v\r\na=recvonly\r\n"
            + "a=rtcp-mux\r\na=extmap:3 urn:3gpp:video-orientation\r\na=extmap:7 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
            + "a=rtpmap:100 VP8/90000\r\na=rtcp-fb:* nack pli\r\n"
            + "a=rtpmap:101 H264/90000\r\na=fmtp:101 packetization-mode=1;profile-level-id=42e01f\r\n";

    @Test
    void publisherVp8At96MapsToSubscriberVp8At100() {
        NegotiatedMedia publisher = SdpNegotiator.answerPublish(Offers.load("chromium-whip-offer.sdp"), Offers.LOCAL)
                .session().mediaByMid("1");
        NegotiatedMedia subscriber = SdpNegotiator.answerSubscribe(Offers.parse(SUBSCRIBER), Offers.LOCAL,
                Offers.counting(9)).session().mediaByMid("v");
        NegotiatedCodec vp8 = publisher.codecByPayloadType(96);
        assertThat(vp8.name()).isEqualTo("VP8");
        assertThat(subscriber.payloadTypeFor(vp8)).isEqualTo(100);
        assertThat(subscriber.codecByPayloadType(100).rtcpFeedback()).containsExactly("nack pli"); // from rtcp-fb:*
        assertThat(subscriber.codecByPayloadType(96)).isNull();
    }

    @Test
    void extensionIdsMapByUri() {
        NegotiatedMedia publisher = SdpNegotiator.answerPublish(Offers.load("chromium-whip-offer.sdp"), Offers.LOCAL)
                .session().mediaByMid("1");
        NegotiatedMedia subscriber = SdpNegotiator.answerSubscribe(Offers.parse(SUBSCRIBER), Offers.LOCAL,
                Offers.counting(9)).session().mediaByMid("v");
        for (NegotiatedExtension e : publisher.extensions()) {
            int mapped = subscriber.extensionId(e.uri());
            if (e.uri().equals("urn:3gpp:video-orientation")) {
                assertThat(e.id()).isEqualTo(13);
                assertThat(mapped).isEqualTo(3);
            } else if (e.uri().equals("urn:ietf:params:rtp-hdrext:sdes:mid")) {
                assertThat(e.id()).isEqualTo(4);
                assertThat(mapped).isEqualTo(7);
            } else {
                assertThat(mapped).isZero();
            }
        }
    }

    @Test
    void h264ConstrainedBaselineAndBaselineAreCompatibleButPacketizationModeMustMatch() {
        NegotiatedCodec baseline = h264("42001f", "1", 102);
        NegotiatedCodec constrained = h264("42e01f", "1", 108);
        NegotiatedCodec mode0 = h264("42e01f", "0", 114);
        NegotiatedCodec main = h264("4d001f", "1", 116);
        assertThat(baseline.isCompatibleWith(constrained)).isTrue();
        assertThat(constrained.isCompatibleWith(baseline)).isTrue();
        assertThat(constrained.isCompatibleWith(mode0)).isFalse();
        assertThat(constrained.isCompatibleWith(main)).isFalse();
        NegotiatedMedia subscriber = SdpNegotiator.answerSubscribe(Offers.parse(SUBSCRIBER), Offers.LOCAL,
                Offers.counting(9)).session().mediaByMid("v");
        assertThat(subscriber.payloadTypeFor(baseline)).isEqualTo(101);
        assertThat(subscriber.payloadTypeFor(mode0)).isEqualTo(-1);
        NegotiatedCodec opus = new NegotiatedCodec("opus", 111, 48000, 2, Map.of(), Set.of());
        assertThat(subscriber.payloadTypeFor(opus)).isEqualTo(-1);
    }

    private static NegotiatedCodec h264(String profile, String mode, int pt) {
        return new NegotiatedCodec("H264", pt, 90000, 0,
                Map.of("profile-level-id", profile, "packetization-mode", mode), Set.of());
    }
}
