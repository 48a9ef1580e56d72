package dev.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.HttpServer;
import dev.onair.server.http.Responses;
import dev.onair.server.rtc.RtcHub;
import dev.onair.server.testing.WsClient;
import dev.onair.sfu.api.RoomEvent;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Protocol v1 at the WebSocket level: join, snapshot, events, ping, and every error case of the issue. */
class SignallingSocketTest {
    private final ServerHarness h = ServerHarness.withKeys();

    @AfterEach
    void stop() {
        h.close();
    }

    private String token(String room, String identity, Permission... perms) {
        return h.server.tokens().mint(new TokenSpec(room, identity, identity.toUpperCase(),
                EnumSet.of(perms[0], perms), Duration.ofHours(1)));
    }

    private WsClient joined(String room, String identity) throws Exception {
        WsClient ws = new WsClient(h.server.httpPort());
        ws.send("{\"v\":1,\"type\":\"join\",\"id\":\"j1\",\"token\":\"" + token(room, identity, Permission.SUBSCRIBE) + "\"}");
        JsonNode joined = ws.next();
        assertThat(joined.path("type").asText()).as("%s", joined).isEqualTo("joined");
        return ws;
    }

    @Test
    void joinAnswersWithRoomParticipantAndSnapshotThenRelaysRoomEvents() throws Exception {
        h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, token("studio", "alice", Permission.PUBLISH));
        try (WsClient ws = new WsClient(h.server.httpPort())) {
            ws.send("{\"v\":1,\"type\":\"join\",\"id\":\"j1\",\"token\":\"" + token("studio", "bob", Permission.SUBSCRIBE) + "\"}");
            JsonNode joined = ws.next();
            assertThat(joined.path("type").asText()).isEqualTo("joined");
            assertThat(joined.path("id").asText()).isEqualTo("j1");
            assertThat(joined.path("v").asInt()).isEqualTo(1);
            assertThat(joined.path("room").path("name").asText()).isEqualTo("studio");
            assertThat(joined.path("participant").path("identity").asText()).isEqualTo("bob");
            assertThat(joined.path("participants")).hasSize(1);
            assertThat(joined.path("participants").get(0).path("identity").asText()).isEqualTo("alice");
            assertThat(joined.path("participants").get(0).path("publishing").asBoolean()).isTrue();

            h.media.emit(new RoomEvent.ParticipantJoined("studio", dev.onair.server.testing.TestEvents.participant("carol", "Carol"), 1));
            h.media.emit(new RoomEvent.ParticipantJoined("elsewhere", dev.onair.server.testing.TestEvents.participant("dave", null), 1));
            h.media.emit(new RoomEvent.TrackPublished("studio", "carol", dev.onair.server.testing.TestEvents.track("r9/1", "video"), 2));
            h.media.emit(new RoomEvent.ActiveSpeakersChanged("studio", List.of(new RoomEvent.Speaker("carol", 0.5)), 3));
            JsonNode j = ws.next();
            assertThat(j.path("type").asText()).isEqualTo("participant_joined");
            assertThat(j.path("participant").path("identity").asText()).as("only this room's events").isEqualTo("carol");
            JsonNode t = ws.next();
            assertThat(t.path("type").asText()).isEqualTo("track_published");
            assertThat(t.path("track").path("kind").asText()).isEqualTo("video");
            JsonNode s = ws.next();
            assertThat(s.path("type").asText()).isEqualTo("active_speakers");
            assertThat(s.path("speakers").get(0).path("identity").asText()).isEqualTo("carol");

            ws.send("{\"type\":\"ping\",\"id\":\"p\",\"ts\":12345}");
            JsonNode pong = ws.next("pong");
            assertThat(pong.path("ts").asLong()).isEqualTo(12345);
            ws.send("{\"type\":\"leave\"}");
            assertThat(ws.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void beforeJoinOnlyPingWorksAndOtherMessagesGetNotJoined() throws Exception {
        try (WsClient ws = new WsClient(h.server.httpPort())) {
            ws.send("{\"type\":\"ping\"}");
            assertThat(ws.next().path("type").asText()).isEqualTo("pong");
            ws.send("{\"type\":\"subscribe\",\"id\":\"s1\"}");
            JsonNode e = ws.next();
            assertThat(e.path("type").asText()).isEqualTo("error");
            assertThat(e.path("code").asText()).isEqualTo("not_joined");
            assertThat(e.path("id").asText()).isEqualTo("s1");
        }
    }

    @Test
    void badInputGetsErrorFramesAndTheSocketStaysUsable() throws Exception {
        try (WsClient ws = joined("studio", "bob")) {
            ws.send("{not json");
            assertThat(ws.next().path("code").asText()).isEqualTo("malformed_json");
            ws.send("[1,2]");
            assertThat(ws.next().path("code").asText()).isEqualTo("malformed_json");
            ws.send("{\"id\":\"x\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("bad_request");
            ws.send("{\"type\":\"teleport\",\"id\":\"t\"}");
            JsonNode unknown = ws.next();
            assertThat(unknown.path("code").asText()).isEqualTo("unknown_type");
            assertThat(unknown.path("message").asText()).contains("teleport");
            ws.send("{\"v\":2,\"type\":\"ping\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("unsupported_version");
            ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("frame_too_large");
            ws.sendBinary(new byte[] {1, 2, 3});
            assertThat(ws.next().path("code").asText()).isEqualTo("binary_not_supported");
            ws.send("{\"type\":\"join\",\"token\":\"" + token("studio", "bob", Permission.SUBSCRIBE) + "\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("already_joined");

            ws.send("{\"type\":\"ping\",\"id\":\"alive\"}");
            assertThat(ws.next().path("type").asText()).as("still open and serving").isEqualTo("pong");
            h.media.emit(new RoomEvent.ParticipantLeft("studio", "carol", "bye", 1));
            assertThat(ws.next().path("type").asText()).isEqualTo("participant_left");
        }
    }

    @Test
    void badTokensAndMissingPermissionsCloseWithTypedErrors() throws Exception {
        try (WsClient ws = new WsClient(h.server.httpPort())) {
            ws.send("{\"type\":\"join\",\"token\":\"not-a-jwt\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("unauthenticated");
            assertThat(ws.awaitClose()).isEqualTo(4401);
        }
        try (WsClient ws = new WsClient(h.server.httpPort())) {
            ws.send("{\"type\":\"join\",\"token\":\"" + token("studio", "eve", Permission.CHAT) + "\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("forbidden");
            assertThat(ws.awaitClose()).isEqualTo(4403);
        }
        try (WsClient ws = new WsClient(h.server.httpPort())) {
            ws.send("{\"type\":\"join\",\"room\":\"other\",\"token\":\"" + token("studio", "eve", Permission.SUBSCRIBE) + "\"}");
            assertThat(ws.next().path("code").asText()).isEqualTo("forbidden");
            assertThat(ws.awaitClose()).isEqualTo(4403);
        }
        try (WsClient ws = new WsClient(h.server.httpPort())) {
            ws.send("{\"type\":\"join\",\"token\":\"" + token("studio", "pub", Permission.PUBLISH) + "\"}");
            assertThat(ws.next().path("type").asText()).as("publish alone may join").isEqualTo("joined");
        }
        try (WsClient ws = joined("studio", "bob")) {
            h.media.emit(new RoomEvent.ParticipantJoined("studio", dev.onair.server.testing.TestEvents.participant("carol", null), 1));
            assertThat(ws.next().path("type").asText()).as("the room keeps working for others").isEqualTo("participant_joined");
        }
    }

    @Test
    void aSocketThatDoesNotJoinInTimeIsClosed() throws Exception {
        FakeMediaService media = new FakeMediaService();
        RtcHub hub = new RtcHub(h.server.tokens(), media, 300, 30);
        try (HttpServer server = HttpServer.start(0,
                req -> CompletableFuture.completedFuture(Responses.empty(HttpResponseStatus.NOT_FOUND)),
                new HttpMetrics(), Duration.ofSeconds(5), hub::newHandler);
             WsClient ws = new WsClient(server.port())) {
            assertThat(ws.next().path("code").asText()).isEqualTo("join_timeout");
            assertThat(ws.awaitClose()).isEqualTo(4408);
        }
    }
}
