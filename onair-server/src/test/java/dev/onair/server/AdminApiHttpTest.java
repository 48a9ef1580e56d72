package dev.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP with the fake media service: every status code it answers. */
class AdminApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void publish(ServerHarness h, String room) {
        assertThat(h.post("/whip/" + room, "application/sdp", ServerHarness.SDP_OFFER,
                h.token(room, Permission.PUBLISH)).statusCode()).isEqualTo(201);
    }

    private static HttpResponse<String> postJson(ServerHarness h, String path, String body, String token) {
        return h.post(path, "application/json", body, token);
    }

    @Test
    void listsRoomsWithAnAdminTokenForEveryRoom() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            publish(h, "attic");
            HttpResponse<String> r = h.method("GET", "/api/v1/rooms", h.token("*", Permission.ADMIN));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode rooms = JSON.readTree(r.body()).get("rooms");
            assertThat(rooms).hasSize(2);
            assertThat(rooms.get(0).get("name").asText()).isEqualTo("attic");
            assertThat(rooms.get(1).get("participants").asInt()).isEqualTo(1);
            assertThat(rooms.get(1).get("publishers").asInt()).isEqualTo(1);
            assertThat(rooms.get(1).get("subscribers").asInt()).isEqualTo(0);
            assertThat(rooms.get(1).get("createdAtMillis").asLong()).isEqualTo(1000L);
        }
    }

    @Test
    void listNeedsAdminForEveryRoom() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            HttpResponse<String> missing = h.method("GET", "/api/v1/rooms", null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(missing.body()).isEqualTo("missing Authorization header\n");
            assertThat(h.method("GET", "/api/v1/rooms", h.token("studio", Permission.ADMIN)).statusCode())
                    .as("an admin of one room cannot list all").isEqualTo(403);
            assertThat(h.method("GET", "/api/v1/rooms", h.token("*", Permission.PUBLISH, Permission.SUBSCRIBE))
                    .statusCode()).as("no admin permission").isEqualTo(403);
        }
    }

    @Test
    void adminEndpointsNeedAnAdminTokenInDevModeToo() {
        try (ServerHarness h = ServerHarness.devMode()) {
            assertThat(h.method("GET", "/api/v1/rooms", null).statusCode()).isEqualTo(401);
            assertThat(h.method("GET", "/api/v1/rooms", h.token("*", Permission.ADMIN)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void createRoomIsNotImplementedButChecksTokenAndBody() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            HttpResponse<String> r = postJson(h, "/api/v1/rooms", "{\"name\":\"studio\",\"kind\":\"broadcast\"}", admin);
            assertThat(r.statusCode()).isEqualTo(501);
            assertThat(r.body()).startsWith("room creation and room kinds come with the room model (issue 3)")
                    .endsWith("\n").containsOnlyOnce("\n");
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"studio\"}", null).statusCode()).isEqualTo(401);
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"studio\"}", h.token("other", Permission.ADMIN))
                    .statusCode()).isEqualTo(403);
            assertThat(postJson(h, "/api/v1/rooms", "not json", admin).statusCode()).isEqualTo(400);
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"bad room\"}", admin).body())
                    .isEqualTo("invalid room name: use 1 to 64 of A-Z a-z 0-9 _ . -\n");
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"a\",\"kind\":\"party\"}", admin).statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void closeRoomClosesEverySessionOrAnswers404() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            publish(h, "attic");
            String admin = h.token("studio", Permission.ADMIN);
            HttpResponse<String> r = h.method("DELETE", "/api/v1/rooms/studio", admin);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("closed").asBoolean()).isTrue();
            assertThat(h.media.closed).containsExactly("res1");
            assertThat(h.method("DELETE", "/api/v1/rooms/studio", admin).statusCode()).isEqualTo(404);
            assertThat(h.method("DELETE", "/api/v1/rooms/attic", admin).statusCode())
                    .as("admin of another room").isEqualTo(403);
            assertThat(h.method("DELETE", "/api/v1/rooms/studio", null).statusCode()).isEqualTo(401);
            assertThat(h.media.closed).containsExactly("res1");
        }
    }

    @Test
    void participantsListSessionsAndTracks() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            h.post("/whep/studio", "application/sdp", ServerHarness.SDP_OFFER, h.token("studio", Permission.SUBSCRIBE));
            HttpResponse<String> r = h.method("GET", "/api/v1/rooms/studio/participants",
                    h.token("studio", Permission.ADMIN));
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode ps = JSON.readTree(r.body()).get("participants");
            assertThat(ps).hasSize(1);
            assertThat(ps.get(0).get("identity").asText()).isEqualTo("alice");
            assertThat(ps.get(0).get("sessions")).hasSize(2);
            assertThat(ps.get(0).get("sessions").get(0).get("kind").asText()).isEqualTo("publish");
            assertThat(ps.get(0).get("sessions").get(1).get("resourceId").asText()).isEqualTo("res2");
            assertThat(ps.get(0).get("tracks").get(0).get("sid").asText()).isEqualTo("v-res1");
            assertThat(ps.get(0).get("tracks").get(0).get("kind").asText()).isEqualTo("video");

            assertThat(h.method("GET", "/api/v1/rooms/nowhere/participants", h.token("*", Permission.ADMIN))
                    .statusCode()).isEqualTo(404);
            assertThat(h.method("GET", "/api/v1/rooms/studio/participants", h.token("studio", Permission.PUBLISH))
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void removeParticipantAnswersHowManySessionsItClosed() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            h.post("/whep/studio", "application/sdp", ServerHarness.SDP_OFFER, h.token("studio", Permission.SUBSCRIBE));
            String admin = h.token("studio", Permission.ADMIN);
            HttpResponse<String> r = h.method("DELETE", "/api/v1/rooms/studio/participants/alice", admin);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("removedSessions").asInt()).isEqualTo(2);
            HttpResponse<String> again = h.method("DELETE", "/api/v1/rooms/studio/participants/alice", admin);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.body()).isEqualTo("no such participant in this room\n");
            assertThat(h.method("DELETE", "/api/v1/rooms/studio/participants/bob%20smith", admin).statusCode())
                    .as("identities may contain spaces; unknown one").isEqualTo(404);
        }
    }

    @Test
    void muteAndMetadataAnswer501AfterTheTokenCheck() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("studio", Permission.ADMIN);
            String mute = "/api/v1/rooms/studio/participants/alice/tracks/t1/mute";
            HttpResponse<String> r = h.method("POST", mute, admin);
            assertThat(r.statusCode()).isEqualTo(501);
            assertThat(r.body()).contains("mute state").contains("issue 3");
            assertThat(h.method("POST", mute, null).statusCode()).isEqualTo(401);
            HttpResponse<String> patch = h.send(HttpRequest.newBuilder(h.uri("/api/v1/rooms/studio/participants/alice"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"metadata\":\"x\"}"))
                    .header("Authorization", "Bearer " + admin));
            assertThat(patch.statusCode()).isEqualTo(501);
            assertThat(patch.body()).contains("metadata").contains("issue 3");
            assertThat(h.method("PATCH", "/api/v1/rooms/studio/participants/alice", h.token("x", Permission.ADMIN))
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void wrongMethodsAnswer405WithAllow() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            assertAllow(h.method("PUT", "/api/v1/rooms", admin), "GET, POST");
            assertAllow(h.method("GET", "/api/v1/rooms/studio", admin), "DELETE");
            assertAllow(h.method("DELETE", "/api/v1/rooms/studio/participants", admin), "GET");
            assertAllow(h.method("GET", "/api/v1/rooms/studio/participants/alice", admin), "DELETE, PATCH");
            assertAllow(h.method("GET", "/api/v1/rooms/studio/participants/alice/tracks/t1/mute", admin), "POST");
            assertAllow(h.method("POST", "/api/openapi.json", null), "GET");
        }
    }

    private static void assertAllow(HttpResponse<String> r, String allow) {
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue(allow);
    }

    @Test
    void badRoomNamesAndIdentitiesAnswer400AndUnknownPaths404() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            HttpResponse<String> r = h.method("DELETE", "/api/v1/rooms/bad%20room", admin);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).startsWith("invalid room name");
            assertThat(h.method("DELETE", "/api/v1/rooms/studio/participants/a%01b", admin).statusCode()).isEqualTo(400);
            assertThat(h.method("GET", "/api/v1/rooms/studio/speakers", admin).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void openApiDocumentIsServedWithoutAuth() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            HttpResponse<String> r = h.get("/api/openapi.json");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(JSON.readTree(r.body()).get("openapi").asText()).isEqualTo("3.1.0");
        }
    }
}
