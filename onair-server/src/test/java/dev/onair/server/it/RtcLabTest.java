package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The network lab and connection quality over {@code /rtc}: {@code set_impairment}/{@code clear_impairment} with and
 * without the {@code lab} permission and with bad input (the socket stays usable, the room goes on; the admin API
 * shows what was applied), and {@code connection_quality} frames once media flows.
 */
class RtcLabTest {
    @RegisterExtension
    static final ItServer it = new ItServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TIERS = Set.of("excellent", "good", "poor", "lost");
    private final HttpClient http = HttpClient.newHttpClient();

    private static String token(String room, String identity, Permission... perms) {
        return it.server.tokens().mint(new TokenSpec(room, identity, null, EnumSet.of(perms[0], perms),
                Duration.ofHours(1)));
    }

    private JsonNode adminImpairment(String room, String identity) throws Exception {
        String admin = it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(it.base + "/api/v1/rooms/" + room
                + "/participants/" + identity + "/impairment")).header("Authorization", "Bearer " + admin).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void assertError(JsonNode frame, String code) {
        assertThat(frame.path("type").asText()).as("%s", frame).isEqualTo("error");
        assertThat(frame.path("code").asText()).as("%s", frame).isEqualTo(code);
        assertThat(frame.path("message").asText()).isNotBlank();
    }

    /** The socket still answers, and another participant can join the room and is seen. */
    private static void assertStillWorks(RtcClient ws, String room) {
        assertThat(ws.request(RtcClient.message("ping")).path("type").asText()).isEqualTo("pong");
        try (RtcClient other = new RtcClient(it.server.httpPort())) {
            other.joined(token(room, "other-" + System.identityHashCode(ws), Permission.SUBSCRIBE));
            ws.awaitType("participant_joined", f -> f.at("/participant/identity").asText().startsWith("other-"));
        }
    }

    @Test
    void withoutLabTheLabMessagesAreForbiddenAndNothingIsApplied() throws Exception {
        String room = "lab-forbidden";
        try (RtcClient ws = new RtcClient(it.server.httpPort())) {
            JsonNode joined = ws.joined(token(room, "plain", Permission.PUBLISH, Permission.SUBSCRIBE));
            assertThat(joined.has("lab")).as("no presets without lab: %s", joined).isFalse();
            assertError(ws.request(RtcClient.message("set_impairment").put("preset", "3g")), "forbidden");
            assertError(ws.request(RtcClient.message("clear_impairment")), "forbidden");
            assertThat(adminImpairment(room, "plain").path("enabled").asBoolean()).isFalse();
            assertStillWorks(ws, room);
        }
    }

    @Test
    void withLabAParticipantImpairsItselfWithAPresetAndClearsIt() throws Exception {
        String room = "lab-allowed";
        try (RtcClient ws = new RtcClient(it.server.httpPort())) {
            JsonNode joined = ws.joined(token(room, "tester", Permission.PUBLISH, Permission.SUBSCRIBE,
                    Permission.LAB));
            List<String> presets = JSON.convertValue(joined.at("/lab/presets"), JSON.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            assertThat(presets).contains("3g", "lte-congested");

            assertError(ws.request(RtcClient.message("set_impairment").put("preset", "carrier-pigeon")),
                    "unknown_preset");
            assertError(ws.request(RtcClient.message("set_impairment")), "bad_request");
            assertError(ws.request(RtcClient.message("set_impairment").put("preset", 3)), "bad_request");
            assertError(ws.request(RtcClient.message("set_impairment").put("preset", "3g")
                    .put("direction", "sideways")), "bad_request");
            assertError(ws.request(RtcClient.message("set_impairment").put("preset", "3g").put("seed", "x")),
                    "bad_request");
            assertThat(adminImpairment(room, "tester").path("enabled").asBoolean()).as("bad input applies nothing")
                    .isFalse();

            JsonNode applied = ws.request(RtcClient.message("set_impairment").put("preset", "3g").put("seed", 7)
                    .put("direction", "downlink"));
            assertThat(applied.path("type").asText()).as("%s", applied).isEqualTo("impairment");
            assertThat(applied.path("enabled").asBoolean()).isTrue();
            assertThat(applied.path("preset").asText()).isEqualTo("3g");
            assertThat(applied.path("seed").asLong()).isEqualTo(7);
            assertThat(applied.path("direction").asText()).isEqualTo("downlink");
            JsonNode status = adminImpairment(room, "tester");
            assertThat(status.path("preset").asText()).as("%s", status).isEqualTo("3g");
            assertThat(status.path("seed").asLong()).isEqualTo(7);
            assertThat(status.path("direction").asText()).isEqualTo("down");

            JsonNode drawn = ws.request(RtcClient.message("set_impairment").put("preset", "wifi-crowded"));
            assertThat(drawn.path("direction").asText()).as("both by default").isEqualTo("both");
            assertThat(drawn.path("seed").isIntegralNumber()).as("a drawn seed is reported: %s", drawn).isTrue();
            assertThat(adminImpairment(room, "tester").path("seed").asLong()).isEqualTo(drawn.path("seed").asLong());

            JsonNode cleared = ws.request(RtcClient.message("clear_impairment"));
            assertThat(cleared.path("type").asText()).as("%s", cleared).isEqualTo("impairment");
            assertThat(cleared.path("enabled").asBoolean()).isFalse();
            assertThat(adminImpairment(room, "tester").path("enabled").asBoolean()).isFalse();
            assertStillWorks(ws, room);
        }
    }

    @Test
    void connectionQualityFramesListThePublishersTierOnceMediaFlows() throws Exception {
        String room = "lab-quality";
        try (RtcParty alice = RtcParty.join(it, room, "alice").publish();
             RtcParty bob = RtcParty.join(it, room, "bob")) {
            JsonNode seenByBob = bob.ws.await("connection_quality about alice",
                    f -> "connection_quality".equals(f.path("type").asText())
                            && f.path("participants").findValuesAsText("identity").contains("alice"),
                    Duration.ofSeconds(15));
            for (JsonNode q : seenByBob.path("participants")) {
                assertThat(TIERS).as("%s", seenByBob).contains(q.path("tier").asText());
                if (q.has("score")) {
                    assertThat(q.path("score").asDouble()).isBetween(0.0, 100.0);
                }
            }
            alice.ws.await("alice's own tier", f -> "connection_quality".equals(f.path("type").asText())
                    && f.path("participants").findValuesAsText("identity").contains("alice"), Duration.ofSeconds(15));
            assertThat(bob.ws.frames("connection_quality")).allSatisfy(f ->
                    assertThat(f.path("participants").findValuesAsText("identity")).as("bob has no media: unknown")
                            .doesNotContain("bob"));
            String metrics = it.get("/metrics");
            assertThat(metrics).contains("onair_participants_by_tier{tier=\"excellent\"}")
                    .contains("onair_participants_by_tier{tier=\"lost\"}");
        }
    }
}
