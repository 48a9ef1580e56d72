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
 * the room ends the rest; a broadcast room created through the API gets hosts and viewers; an admin mute stops
 * forwarding one track and unmuting restarts it; metadata updates show in the participant list.
 */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Longer than any gap between two video packets of a live stream (30 fps). */
    private static final Duration QUIET = Duration.ofMillis(500);
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

    @Test
    void aBroadcastRoomCreatedThroughTheApiAndAnAdminMuteThatStopsAndRestartsForwarding() throws Exception {
        try (ItServer it = new ItServer()) {
            String admin = adminToken(it);
            HttpResponse<String> created = send(it, "POST", "/api/v1/rooms", admin,
                    "{\"name\":\"keynote\",\"kind\":\"broadcast\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("kind").asText()).isEqualTo("broadcast");
            JsonNode rooms = JSON.readTree(send(it, "GET", "/api/v1/rooms", admin).body()).get("rooms");
            assertThat(rooms).extracting(r -> r.get("name").asText() + ":" + r.get("kind").asText())
                    .containsExactly("keynote:broadcast");
            assertThat(send(it, "POST", "/api/v1/rooms", admin, "{\"name\":\"keynote\"}").statusCode())
                    .as("exists").isEqualTo(200);

            WebRtcPeer alice = it.publisher("keynote", "alice");
            WebRtcPeer bob = it.subscriber("keynote", "bob");
            alice.startAudio();
            alice.startVideo();
            Media.awaitAudioVideo(bob, 20);
            JsonNode room = JSON.readTree(send(it, "GET", "/api/v1/rooms/keynote", admin).body());
            assertThat(room.get("kind").asText()).isEqualTo("broadcast");
            assertThat(room.get("participants").asInt()).isEqualTo(2);
            JsonNode ps = JSON.readTree(send(it, "GET", "/api/v1/rooms/keynote/participants", admin).body())
                    .get("participants");
            assertThat(ps).extracting(p -> p.get("identity").asText() + ":" + p.get("role").asText())
                    .containsExactly("alice:host", "bob:viewer");
            assertThat(ps.get(0).get("joinedAtMillis").asLong()).isPositive();
            JsonNode video = track(ps.get(0), "video");
            assertThat(video.get("source").asText()).isEqualTo("camera");
            assertThat(video.get("muted").asBoolean()).isFalse();
            String mute = "/api/v1/rooms/keynote/participants/alice/tracks/" + video.get("sid").asText() + "/mute";

            HttpResponse<String> muted = send(it, "POST", mute, admin, "{\"muted\":true}");
            assertThat(muted.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(muted.body()).get("muted").asBoolean()).isTrue();
            assertThat(awaitNoPacketsFor(bob, bob.answer().videoSsrc(), QUIET)).as("video stopped").isTrue();
            long audio = bob.received().packets(bob.answer().audioSsrc());
            assertThat(Media.awaitPackets(bob, bob.answer().audioSsrc(), audio + 10)).as("audio still flows")
                    .isGreaterThanOrEqualTo(audio + 10);
            JsonNode listed = JSON.readTree(send(it, "GET", "/api/v1/rooms/keynote/participants", admin).body())
                    .at("/participants/0");
            assertThat(track(listed, "video").get("muted").asBoolean()).isTrue();
            assertThat(track(listed, "audio").get("muted").asBoolean()).isFalse();

            long videoBefore = bob.received().packets(bob.answer().videoSsrc());
            HttpResponse<String> unmuted = send(it, "POST", mute, admin, "{\"muted\":false}");
            assertThat(unmuted.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(unmuted.body()).get("muted").asBoolean()).isFalse();
            assertThat(Media.awaitPackets(bob, bob.answer().videoSsrc(), videoBefore + 20)).as("video flows again")
                    .isGreaterThanOrEqualTo(videoBefore + 20);

            HttpResponse<String> unknown = send(it, "POST",
                    "/api/v1/rooms/keynote/participants/alice/tracks/TR_nosuchtrack/mute", admin, "{\"muted\":true}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("no track TR_nosuchtrack published by alice\n");
            assertThat(send(it, "POST", mute.replace("/alice/", "/bob/"), admin, "{\"muted\":true}").statusCode())
                    .as("not bob's track").isEqualTo(404);
        }
    }

    @Test
    void metadataUpdatesShowInTheParticipantListAndAreLimitedTo1KiB() throws Exception {
        try (ItServer it = new ItServer()) {
            String admin = adminToken(it);
            it.publisher("stage", "alice");
            String path = "/api/v1/rooms/stage/participants/alice";
            HttpResponse<String> r = send(it, "PATCH", path, admin, "{\"name\":\"Alice\",\"metadata\":\"{\\\"seat\\\":3}\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("metadata").asText()).isEqualTo("{\"seat\":3}");
            JsonNode alice = JSON.readTree(send(it, "GET", "/api/v1/rooms/stage/participants", admin).body())
                    .at("/participants/0");
            assertThat(alice.get("identity").asText()).isEqualTo("alice");
            assertThat(alice.get("name").asText()).isEqualTo("Alice");
            assertThat(alice.get("metadata").asText()).isEqualTo("{\"seat\":3}");

            HttpResponse<String> over = send(it, "PATCH", path, admin, "{\"metadata\":\"" + "m".repeat(1025) + "\"}");
            assertThat(over.statusCode()).isEqualTo(400);
            assertThat(over.body()).startsWith("metadata must be a string of at most 1024 bytes");
            assertThat(send(it, "PATCH", path, admin, "{\"metadata\":\"" + "m".repeat(1024) + "\"}").statusCode())
                    .isEqualTo(200);
            assertThat(send(it, "PATCH", "/api/v1/rooms/stage/participants/nobody", admin, "{\"name\":\"N\"}")
                    .statusCode()).isEqualTo(404);
            assertThat(send(it, "PATCH", "/api/v1/rooms/elsewhere/participants/alice", admin, "{\"name\":\"N\"}")
                    .statusCode()).isEqualTo(404);
        }
    }

    private static JsonNode track(JsonNode participant, String kind) {
        for (JsonNode t : participant.get("tracks")) {
            if (kind.equals(t.get("kind").asText())) {
                return t;
            }
        }
        throw new AssertionError("no " + kind + " track in " + participant);
    }

    /** Waits until the subscriber has received nothing on {@code ssrc} for {@code quiet}; false on timeout. */
    private static boolean awaitNoPacketsFor(WebRtcPeer peer, long ssrc, Duration quiet) {
        return Poll.until(WAIT, Media.STEP, () -> {
            long[] arrivals = peer.received().stream(ssrc).arrivalNanos();
            return arrivals.length > 0 && System.nanoTime() - arrivals[arrivals.length - 1] > quiet.toNanos();
        }, b -> b);
    }

    private static String adminToken(ItServer it) {
        return it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
    }

    private HttpResponse<String> send(ItServer it, String method, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(it.base + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(ItServer it, String method, String path, String token, String json)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(it.base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
