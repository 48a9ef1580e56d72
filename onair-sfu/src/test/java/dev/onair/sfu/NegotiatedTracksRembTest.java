package dev.onair.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.sfu.negotiation.LocalParams;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.negotiation.NegotiatedExtension;
import dev.onair.sfu.negotiation.NegotiationResult;
import dev.onair.sfu.negotiation.SdpNegotiator;
import dev.onair.sfu.session.TrackSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A publish offer's goog-remb reaches the track setups (REMB to publishers). */
class NegotiatedTracksRembTest {
    private static final LocalParams LOCAL = new LocalParams("sfuU", "sfuPasswordSfuPassword", "sha-256",
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
            List.of(new InetSocketAddress("192.0.2.10", 3478)), "4242", "onaircname");

    private static String chromiumOffer() throws IOException {
        try (InputStream in = NegotiatedTracksRembTest.class.getResourceAsStream("/sdp/chromium-whip-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<TrackSetup> setups(String offer) {
        SdpParseResult parsed = SdpParser.parse(offer);
        assertThat(parsed.isOk()).isTrue();
        NegotiationResult r = SdpNegotiator.answerPublish(parsed.description(), LOCAL);
        assertThat(r.error()).isNull();
        return NegotiatedTracks.setups(r.session());
    }

    @Test
    void videoWithGoogRembIsMarkedAndAudioIsNot() throws IOException {
        String offer = chromiumOffer()
                .replace("a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n", "")
                .replace(" transport-cc\r\n", " goog-remb\r\n");
        List<TrackSetup> setups = setups(offer);
        TrackSetup video = setups.stream().filter(s -> s.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
        TrackSetup audio = setups.stream().filter(s -> s.kind() == MediaKind.AUDIO).findFirst().orElseThrow();
        assertThat(video.rembSupported()).isTrue();
        assertThat(video.extensionIdsByUri()).containsKey(NegotiatedExtension.ABS_SEND_TIME)
                .doesNotContainKey(NegotiatedExtension.TRANSPORT_CC);
        assertThat(audio.rembSupported()).isFalse();
    }

    @Test
    void withoutGoogRembInTheOfferNoneIsMarked() throws IOException {
        String offer = chromiumOffer().replace(" goog-remb\r\n", " nack\r\n");
        assertThat(setups(offer)).noneMatch(TrackSetup::rembSupported);
    }
}
