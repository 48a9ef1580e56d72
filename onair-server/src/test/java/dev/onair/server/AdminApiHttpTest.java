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

    private static HttpResponse<String> patch(ServerHarness h, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(path))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return h.send(b);
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
    void createRoomAnswers201WithTheRoomThen200WithTheExistingOne() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            HttpResponse<String> r = postJson(h, "/api/v1/rooms", "{\"name\":\"studio\",\"kind\":\"broadcast\"}", admin);
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/rooms/studio");
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            JsonNode room = JSON.readTree(r.body());
            assertThat(room.get("name").asText()).isEqualTo("studio");
            assertThat(room.get("kind").asText()).isEqualTo("broadcast");
            assertThat(room.get("participants").asInt()).isZero();

            HttpResponse<String> again = postJson(h, "/api/v1/rooms", "{\"name\":\"studio\",\"kind\":\"conference\"}",
                    admin);
            assertThat(again.statusCode()).as("exists: answered as it is").isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("kind").asText()).isEqualTo("broadcast");

            HttpResponse<String> plain = postJson(h, "/api/v1/rooms", "{\"name\":\"attic\"}", admin);
            assertThat(plain.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(plain.body()).get("kind").asText()).isEqualTo("conference");

            JsonNode rooms = JSON.readTree(h.method("GET", "/api/v1/rooms", admin).body()).get("rooms");
            assertThat(rooms).extracting(n -> n.get("name").asText() + ":" + n.get("kind").asText())
                    .containsExactly("attic:conference", "studio:broadcast");
        }
    }

    @Test
    void createRoomChecksTokenAndBody() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"studio\"}", null).statusCode()).isEqualTo(401);
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"studio\"}", h.token("other", Permission.ADMIN))
                    .statusCode()).isEqualTo(403);
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"studio\"}", h.token("studio", Permission.ADMIN))
                    .statusCode()).as("an admin of that room may create it").isEqualTo(201);
            assertThat(postJson(h, "/api/v1/rooms", "not json", admin).statusCode()).isEqualTo(400);
            assertThat(postJson(h, "/api/v1/rooms", "{\"name\":\"bad room\"}", admin).body())
                    .isEqualTo("invalid room name: use 1 to 64 of A-Z a-z 0-9 _ . -\n");
            HttpResponse<String> party = postJson(h, "/api/v1/rooms", "{\"name\":\"a\",\"kind\":\"party\"}", admin);
            assertThat(party.statusCode()).isEqualTo(400);
            assertThat(party.body()).isEqualTo("invalid room kind: use \"conference\" or \"broadcast\"\n");
            assertThat(h.method("GET", "/api/v1/rooms/a", admin).statusCode()).as("nothing created").isEqualTo(404);
        }
    }

    @Test
    void getRoomAnswersTheRoomOr404() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            String admin = h.token("studio", Permission.ADMIN);
            HttpResponse<String> r = h.method("GET", "/api/v1/rooms/studio", admin);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode room = JSON.readTree(r.body());
            assertThat(room.get("name").asText()).isEqualTo("studio");
            assertThat(room.get("kind").asText()).isEqualTo("conference");
            assertThat(room.get("publishers").asInt()).isEqualTo(1);
            assertThat(room.get("createdAtMillis").asLong()).isEqualTo(1000L);
            HttpResponse<String> missing = h.method("GET", "/api/v1/rooms/nowhere", h.token("*", Permission.ADMIN));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("no such room\n");
            assertThat(h.method("GET", "/api/v1/rooms/studio", h.token("attic", Permission.ADMIN)).statusCode())
                    .isEqualTo(403);
            assertThat(h.method("GET", "/api/v1/rooms/studio", null).statusCode()).isEqualTo(401);
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
    void muteTrackAsAdministratorAnswersTheMuteState() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            String admin = h.token("studio", Permission.ADMIN);
            String mute = "/api/v1/rooms/studio/participants/alice/tracks/v-res1/mute";
            HttpResponse<String> r = postJson(h, mute, "{\"muted\":true}", admin);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("muted").asBoolean()).isTrue();
            assertThat(h.media.mutes).containsExactly("studio/alice/v-res1 muted=true byAdmin=true");
            JsonNode track = JSON.readTree(h.method("GET", "/api/v1/rooms/studio/participants", admin).body())
                    .at("/participants/0/tracks/0");
            assertThat(track.get("muted").asBoolean()).isTrue();
            assertThat(track.get("source").asText()).isEqualTo("camera");

            HttpResponse<String> unmute = postJson(h, mute, "{\"muted\":false}", admin);
            assertThat(unmute.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(unmute.body()).get("muted").asBoolean()).isFalse();
            assertThat(h.media.mutes).hasSize(2);
        }
    }

    @Test
    void muteTrackRefusesBadBodiesUnknownTracksAndBadTokens() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            String admin = h.token("studio", Permission.ADMIN);
            String mute = "/api/v1/rooms/studio/participants/alice/tracks/v-res1/mute";
            for (String bad : new String[] {"", "{}", "{\"muted\":\"yes\"}", "[true]", "{\"muted\":"}) {
                HttpResponse<String> r = postJson(h, mute, bad, admin);
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
                assertThat(r.body()).isEqualTo("body must be a JSON object with a boolean: {\"muted\": true}\n");
            }
            HttpResponse<String> unknown = postJson(h, "/api/v1/rooms/studio/participants/alice/tracks/nope/mute",
                    "{\"muted\":true}", admin);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("no track nope published by alice\n");
            assertThat(postJson(h, "/api/v1/rooms/studio/participants/bob/tracks/v-res1/mute", "{\"muted\":true}",
                    admin).statusCode()).as("someone else's track").isEqualTo(404);
            assertThat(postJson(h, mute, "{\"muted\":true}", null).statusCode()).isEqualTo(401);
            assertThat(postJson(h, mute, "{\"muted\":true}", h.token("studio", Permission.PUBLISH)).statusCode())
                    .isEqualTo(403);
            assertThat(h.media.mutes).isEmpty();
        }
    }

    @Test
    void patchParticipantAnswersTheUpdatedParticipant() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            String admin = h.token("studio", Permission.ADMIN);
            HttpResponse<String> r = patch(h, "/api/v1/rooms/studio/participants/alice",
                    "{\"name\":\"Alice A.\",\"metadata\":\"{\\\"seat\\\":3}\"}", admin);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("identity").asText()).isEqualTo("alice");
            assertThat(p.get("name").asText()).isEqualTo("Alice A.");
            assertThat(p.get("metadata").asText()).isEqualTo("{\"seat\":3}");
            assertThat(p.get("role").asText()).isEqualTo("participant");

            HttpResponse<String> onlyName = patch(h, "/api/v1/rooms/studio/participants/alice", "{\"name\":\"Al\"}",
                    admin);
            assertThat(JSON.readTree(onlyName.body()).get("metadata").asText()).as("unchanged").isEqualTo("{\"seat\":3}");
            JsonNode listed = JSON.readTree(h.method("GET", "/api/v1/rooms/studio/participants", admin).body())
                    .at("/participants/0");
            assertThat(listed.get("name").asText()).isEqualTo("Al");
            assertThat(listed.get("metadata").asText()).isEqualTo("{\"seat\":3}");
        }
    }

    @Test
    void patchParticipantRefusesOversizedMetadataBadBodiesAndUnknownParticipants() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            String admin = h.token("studio", Permission.ADMIN);
            String path = "/api/v1/rooms/studio/participants/alice";
            HttpResponse<String> atLimit = patch(h, path, "{\"metadata\":\"" + "\u00e9".repeat(512) + "\"}", admin);
            assertThat(atLimit.statusCode()).as("1024 bytes of UTF-8").isEqualTo(200);
            HttpResponse<String> over = patch(h, path, "{\"metadata\":\"" + "\u00e9".repeat(512) + "x\"}", admin);
            assertThat(over.statusCode()).isEqualTo(400);
            assertThat(over.body()).isEqualTo("metadata must be a string of at most 1024 bytes of UTF-8\n");
            assertThat(patch(h, path, "{}", admin).body()).isEqualTo("nothing to update: give \"name\" and/or "
                    + "\"metadata\"\n");
            assertThat(patch(h, path, "{\"name\":5}", admin).statusCode()).isEqualTo(400);
            assertThat(patch(h, path, "nope", admin).statusCode()).isEqualTo(400);
            HttpResponse<String> unknown = patch(h, "/api/v1/rooms/studio/participants/bob", "{\"name\":\"B\"}", admin);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("no participant bob in room studio\n");
            assertThat(patch(h, path, "{\"name\":\"B\"}", h.token("x", Permission.ADMIN)).statusCode()).isEqualTo(403);
            assertThat(patch(h, path, "{\"name\":\"B\"}", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void participantsCarryRoleMetadataJoinTimeAndTrackSourceAsWireNames() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            publish(h, "studio");
            String admin = h.token("studio", Permission.ADMIN);
            JsonNode p = JSON.readTree(h.method("GET", "/api/v1/rooms/studio/participants", admin).body())
                    .at("/participants/0");
            assertThat(p.get("role").asText()).isEqualTo("participant");
            assertThat(p.get("joinedAtMillis").asLong()).isEqualTo(1000L);
            assertThat(p.has("metadata")).as("null fields are left out").isFalse();
            assertThat(p.has("name")).isFalse();
            assertThat(p.at("/tracks/0/source").asText()).isEqualTo("camera");
            assertThat(p.at("/tracks/0/muted").isBoolean()).isTrue();
        }
    }

    @Test
    void corsPreflightOnAdminAndApiPathsAnswers204WithThePathsMethods() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            java.util.Map<String, String> methods = java.util.Map.of(
                    "/api/v1/rooms", "GET, POST, OPTIONS",
                    "/api/v1/rooms/studio", "GET, DELETE, OPTIONS",
                    "/api/v1/rooms/studio/participants", "GET, OPTIONS",
                    "/api/v1/rooms/studio/participants/alice", "DELETE, PATCH, OPTIONS",
                    "/api/v1/rooms/studio/participants/alice/tracks/t1/mute", "POST, OPTIONS",
                    "/api/v1/status", "GET, OPTIONS",
                    "/api/v1/dev/token", "GET, OPTIONS",
                    "/api/openapi.json", "GET, OPTIONS");
            methods.forEach((path, allowed) -> {
                HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri(path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://dashboard.example")
                        .header("Access-Control-Request-Method", "POST"));
                assertThat(r.statusCode()).as(path).isEqualTo(204);
                assertThat(r.body()).isEmpty();
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
                assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).as(path).hasValue(allowed);
                assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).as(path)
                        .hasValue("Authorization, Content-Type");
                assertThat(r.headers().firstValue("Access-Control-Max-Age")).as(path).hasValue("7200");
            });
            assertThat(h.method("OPTIONS", "/healthz", null).statusCode()).as("not a browser API").isEqualTo(405);
        }
    }

    @Test
    void adminAnswersCarryAllowOriginErrorsToo() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            for (HttpResponse<String> r : java.util.List.of(h.method("GET", "/api/v1/rooms", admin),
                    h.method("GET", "/api/v1/rooms", null), h.method("GET", "/api/v1/rooms/x", admin),
                    h.method("PUT", "/api/v1/rooms", admin))) {
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(r.statusCode() + " " + r.uri())
                        .hasValue("*");
            }
        }
    }

    @Test
    void wrongMethodsAnswer405WithAllow() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String admin = h.token("*", Permission.ADMIN);
            assertAllow(h.method("PUT", "/api/v1/rooms", admin), "GET, POST, OPTIONS");
            assertAllow(h.method("POST", "/api/v1/rooms/studio", admin), "GET, DELETE, OPTIONS");
            assertAllow(h.method("DELETE", "/api/v1/rooms/studio/participants", admin), "GET, OPTIONS");
            assertAllow(h.method("GET", "/api/v1/rooms/studio/participants/alice", admin), "DELETE, PATCH, OPTIONS");
            assertAllow(h.method("GET", "/api/v1/rooms/studio/participants/alice/tracks/t1/mute", admin),
                    "POST, OPTIONS");
            assertAllow(h.method("POST", "/api/openapi.json", null), "GET, OPTIONS");
            assertAllow(h.method("POST", "/healthz", null), "GET");
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
