package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.SessionDescription;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers for the two peer connections of the signalling protocol: an m-line that stopped sending (publisher)
 * or receiving (subscriber) stays in the BUNDLE group as {@code inactive} instead of being rejected, and a
 * subscriber m-line keeps its SSRC across renegotiations.
 */
class ConnectionAnswerTest {

    @Test
    void publisherMlineThatStoppedSendingIsAnsweredInactiveAndStaysBundled() {
        String offer = Offers.text("chromium-whip-offer.sdp");
        int video = offer.indexOf("a=mid:1");
        String renegotiated = offer.substring(0, video) + offer.substring(video).replaceFirst("a=sendonly", "a=inactive");
        NegotiationResult r = SdpNegotiator.answerPublishConnection(Offers.parse(renegotiated), Offers.LOCAL);
        assertThat(r.error()).isNull();
        SessionDescription answer = Offers.parse(r.answerSdp());
        assertThat(answer.bundleMids()).containsExactly("0", "1");
        MediaDescription v = answer.mediaByMid("1");
        assertThat(v.port()).isEqualTo(9);
        assertThat(v.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(r.session().media()).extracting(NegotiatedMedia::mid).containsExactly("0");
    }

    @Test
    void publisherConnectionWithNothingToSendIsStillAnswered() {
        String idle = Offers.text("chromium-whip-offer.sdp").replace("a=sendonly", "a=inactive");
        assertThat(SdpNegotiator.answerPublish(Offers.parse(idle), Offers.LOCAL).error())
                .as("WHIP needs something to publish").isNotNull();
        NegotiationResult r = SdpNegotiator.answerPublishConnection(Offers.parse(idle), Offers.LOCAL);
        assertThat(r.error()).isNull();
        assertThat(r.session().media()).isEmpty();
        assertThat(Offers.parse(r.answerSdp()).bundleMids()).containsExactly("0", "1");
    }

    @Test
    void subscriberMlinesKeepTheirSsrcAndInactiveOnesGetNone() {
        Map<String, Long> byMid = new HashMap<>();
        long[] next = {5000};
        SsrcAllocator stable = mid -> byMid.computeIfAbsent(mid, m -> next[0]++);
        String offer = Offers.text("chromium-whep-offer.sdp");
        NegotiationResult first = SdpNegotiator.answerSubscribeConnection(Offers.parse(offer), Offers.LOCAL, stable);
        assertThat(first.session().media()).extracting(NegotiatedMedia::localSsrc).containsExactly(5000L, 5001L);

        int video = offer.indexOf("a=mid:1");
        String audioOnly = offer.substring(0, video) + offer.substring(video).replaceFirst("a=recvonly", "a=inactive");
        NegotiationResult second = SdpNegotiator.answerSubscribeConnection(Offers.parse(audioOnly), Offers.LOCAL,
                stable);
        assertThat(second.session().media()).extracting(NegotiatedMedia::localSsrc).containsExactly(5000L);
        MediaDescription v = Offers.parse(second.answerSdp()).mediaByMid("1");
        assertThat(v.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(v.ssrcIds()).isEmpty();

        NegotiationResult third = SdpNegotiator.answerSubscribeConnection(Offers.parse(offer), Offers.LOCAL, stable);
        assertThat(third.session().media()).extracting(NegotiatedMedia::localSsrc).containsExactly(5000L, 5001L);
    }
}
