package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.WebRtcPeer;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.testing.Poll;
import dev.onair.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The admin API against the real SFU: a Java WHIP publisher and WHEP subscriber are listed with their tracks,
 * removing the publisher closes its session and a {@code /rtc} socket in the room sees it leave, and closing
 * the room ends the rest.
 */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsRemovesAndClosesRealSessions() throws Exception {
        try (ItServer it = new ItServer()) {
            String admin = it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                    Duration.ofHours(1)));
            WebRtcPeer alice = it.publisher("stage", "alice");
            WebRtcPeer bob = it.subscriber("stage", "bob");

            JsonNode rooms = JSON.readTree(send(it, "GET", "/api/v1/rooms", admin).body()).get("rooms");
            assertThat(rooms).hasSize(1);
            assertThat(rooms.get(0).get("name").asText()).isEqualTo("stage");
            assertThat(rooms.get(0).get("participants").asInt()).isEqualTo(2);
            assertThat(rooms.get(0).get("createdAtMillis").asLong()).isPositive();

            HttpResponse<String> list = send(it, "GET", "/api/v1/rooms/stage/participants", admin);
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode ps = JSON.readTree(list.body()).get("participants");
            assertThat(ps).extracting(p -> p.get("identity").asText()).containsExactly("alice", "bob");
            assertThat(ps.get(0).at("/sessions/0/kind").asText()).isEqualTo("publish");
            assertThat(ps.get(0).at("/sessions/0/state").asText()).isEqualTo("connected");
            assertThat(alice.resource()).endsWith("/" + ps.get(0).at("/sessions/0/resourceId").asText());
            assertThat(ps.get(0).get("tracks")).extracting(t -> t.get("kind").asText())
                    .containsExactlyInAnyOrder("audio", "video");
            assertThat(ps.get(1).at("/sessions/0/kind").asText()).isEqualTo("subscribe");
            assertThat(ps.get(1).get("tracks")).isEmpty();

            try (WsClient ws = new WsClient(it.server.httpPort())) {
                ws.send("{\"v\":1,\"type\":\"join\",\"id\":\"j1\",\"token\":\"" + it.token("stage", "watcher") + "\"}");
                assertThat(ws.next("joined").at("/room/name").asText()).isEqualTo("stage");
                HttpResponse<String> removed = send(it, "DELETE", "/api/v1/rooms/stage/participants/alice", admin);
                assertThat(removed.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(removed.body()).get("removedSessions").asInt()).isEqualTo(1);
                JsonNode left = ws.next("participant_left");
                assertThat(left.at("/participant/identity").asText()).isEqualTo("alice");
            }
            assertThat(Poll.until(WAIT, () -> it.session(alice), s -> s == null)).as("alice's session gone").isNull();
            assertThat(it.session(bob)).isNotNull();
            assertThat(send(it, "DELETE", "/api/v1/rooms/stage/participants/alice", admin).statusCode()).isEqualTo(404);

            HttpResponse<String> closed = send(it, "DELETE", "/api/v1/rooms/stage", admin);
            assertThat(closed.statusCode()).isEqualTo(200);
            assertThat(Poll.until(WAIT, () -> it.status().get("sessions").size(), n -> n == 0)).isZero();
            assertThat(JSON.readTree(send(it, "GET", "/api/v1/rooms", admin).body()).get("rooms")).isEmpty();
            assertThat(send(it, "GET", "/api/v1/rooms/stage/participants", admin).statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> send(ItServer it, String method, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(it.base + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
