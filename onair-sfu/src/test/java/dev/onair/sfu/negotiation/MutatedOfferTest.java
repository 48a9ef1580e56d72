package dev.onair.sfu.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.protocol.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded line-level mutations of the captured offers (drop, duplicate, swap, corrupt a token): the
 * negotiator never throws, returns exactly one of answer or error, and every answer parses back with one
 * m-line per offered m-line.
 */
class MutatedOfferTest {
    private static final int ROUNDS = 400;

    @ParameterizedTest
    @ValueSource(strings = {"chromium-whip-offer.sdp", "chromium-whep-offer.sdp", "chromium-simulcast-offer.sdp",
            "firefox-whip-offer.sdp", "firefox-whep-offer.sdp", "firefox-simulcast-offer.sdp"})
    void negotiatorSurvivesMutatedOffers(String file) {
        List<String> lines = Arrays.asList(Offers.text(file).split("\r\n"));
        Random random = new Random(file.hashCode());
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            SdpParseResult parsed = SdpParser.parse(String.join("\r\n", mutate(lines, random)) + "\r\n");
            if (!parsed.isOk()) {
                continue;
            }
            SessionDescription offer = parsed.description();
            for (NegotiationResult r : List.of(SdpNegotiator.answerPublish(offer, Offers.LOCAL),
                    SdpNegotiator.answerSubscribe(offer, Offers.LOCAL, Offers.counting(1)))) {
                assertThat(r.error() == null).isEqualTo(r.session() != null);
                if (r.isOk()) {
                    answered++;
                    SdpParseResult answer = SdpParser.parse(r.answerSdp());
                    assertThat(answer.isOk()).isTrue();
                    assertThat(answer.description().media()).hasSameSizeAs(offer.media());
                } else {
                    assertThat(r.error().reason()).isNotBlank().doesNotContain("\n");
                }
            }
        }
        assertThat(answered).isPositive();
    }

    private static List<String> mutate(List<String> original, Random random) {
        List<String> lines = new ArrayList<>(original);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && lines.size() > 2; e++) {
            int i = 1 + random.nextInt(lines.size() - 1);
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(1 + random.nextInt(lines.size() - 1)));
                case 2 -> {
                    int j = 1 + random.nextInt(lines.size() - 1);
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                default -> lines.set(i, corrupt(lines.get(i), random));
            }
        }
        return lines;
    }

    private static String corrupt(String line, Random random) {
        String[] garbage = {"", "0", "-1", "999999999999", "x", "*", "holdconn", "sha-1", "~", ";", "/"};
        String[] tokens = line.split(" ", -1);
        tokens[random.nextInt(tokens.length)] = garbage[random.nextInt(garbage.length)];
        return String.join(" ", tokens);
    }
}
