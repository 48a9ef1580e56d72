package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every captured offer: writer round trip and every prefix through the parser. */
class SdpRoundTripTest {

    static java.util.List<String> offers() {
        return CapturedOffers.ALL;
    }

    @ParameterizedTest
    @MethodSource("offers")
    void parseWriteParseGivesTheSameModel(String name) {
        SessionDescription d = CapturedOffers.parse(name);
        String written = SdpWriter.write(d);
        SdpParseResult again = SdpParser.parse(written);
        assertThat(again.error()).isNull();
        assertThat(again.description()).isEqualTo(d);
        assertThat(SdpWriter.write(again.description())).isEqualTo(written);
        assertThat(written).endsWith("\r\n").doesNotContain("\r\r").startsWith("v=0\r\no=");
    }

    @ParameterizedTest
    @MethodSource("offers")
    void writerKeepsEveryLineOfTheOffer(String name) {
        // the only normalisation: Firefox writes "msid-semantic:WMS", the writer adds Chromium's space
        String offer = CapturedOffers.load(name).replace("a=msid-semantic:WMS", "a=msid-semantic: WMS");
        String written = SdpWriter.write(CapturedOffers.parse(name));
        assertThat(written.split("\r\n")).containsExactlyInAnyOrder(offer.split("\r\n"));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void bareNewlinesParseToTheSameModel(String name) {
        String lf = CapturedOffers.load(name).replace("\r\n", "\n");
        assertThat(SdpParser.parse(lf).description()).isEqualTo(CapturedOffers.parse(name));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void everyPrefixParsesWithoutException(String name) {
        String offer = CapturedOffers.load(name);
        assertThatCode(() -> {
            for (int i = 0; i <= offer.length(); i++) {
                SdpParseResult r = SdpParser.parse(offer.substring(0, i));
                if ((r.description() == null) == (r.error() == null)) {
                    throw new AssertionError("prefix " + i + " gave " + r);
                }
            }
        }).doesNotThrowAnyException();
    }
}
