package dev.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.HttpServer;
import dev.onair.server.http.Responses;
import dev.onair.server.rtc.RtcHub;
import dev.onair.server.testing.TestEvents;
import dev.onair.server.testing.WsClient;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.TrackSource;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v1 at the WebSocket level over a {@link FakeMediaService}: the shape of {@code joined} and of every
 * event frame, ping, framing errors, the auth closes and the join timeout. The same error cases against the
 * real SFU, and media through {@code /rtc}, are in {@code it/RtcProtocolTest} and {@code it/RtcMediaTest}.
 */
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
            assertThat(joined.at("/room/name").asText()).isEqualTo("studio");
            assertThat(joined.at("/room/kind").asText()).isEqualTo("conference");
            assertThat(joined.at("/participant/identity").asText()).isEqualTo("bob");
            assertThat(joined.at("/participant/name").asText()).isEqualTo("BOB");
            assertThat(joined.at("/participant/role").asText()).isEqualTo("participant");
            assertThat(joined.at("/participant/tracks")).isEmpty();
            assertThat(joined.path("participants")).hasSize(1);
            JsonNode alice = joined.path("participants").get(0);
            assertThat(alice.path("identity").asText()).isEqualTo("alice");
            assertThat(alice.path("role").asText()).isEqualTo("participant");
            assertThat(alice.path("tracks")).hasSize(1);
            assertThat(alice.at("/tracks/0/kind").asText()).isEqualTo("video");
            assertThat(alice.at("/tracks/0/source").asText()).isEqualTo("camera");
            assertThat(alice.at("/tracks/0/muted").isBoolean()).isTrue();
            assertThat(alice.at("/tracks/0/sid").asText()).isNotBlank();
            assertThat(joined.path("viewerCount").asInt(-1)).isZero();
            assertThat(joined.path("resumeToken").asText()).isNotBlank();
            assertThat(joined.path("resumeWindowSeconds").asInt()).isEqualTo(30);
            assertThat(joined.path("resumed").isBoolean()).isTrue();
            assertThat(joined.path("resumed").asBoolean()).isFalse();

            // The SFU routes events per participant; the socket turns each into its frame.
            h.media.emit(new RoomEvent.ParticipantJoined("studio", TestEvents.participant("carol", "Carol"), 1));
            h.media.emit(new RoomEvent.TrackPublished("studio", "carol", TestEvents.track("TR_9", "video"), 2));
            h.media.emit(new RoomEvent.TrackMuted("studio", "carol", new ParticipantInfo.Track("TR_9", "video",
                    TrackSource.CAMERA, true), true, 3));
            h.media.emit(new RoomEvent.ActiveSpeakersChanged("studio", List.of(new RoomEvent.Speaker("carol", 0.5)), 4));
            h.media.emit(new RoomEvent.SubscriptionStateChanged("studio", "bob",
                    List.of(new RoomEvent.SubscriptionState("TR_9", "paused")), "video_cap", 5));
            h.media.emit(new RoomEvent.TrackUnpublished("studio", "carol", TestEvents.track("TR_9", "video"), 6));
            h.media.emit(new RoomEvent.ParticipantLeft("studio", "carol", "left", 7));

            JsonNode j = ws.next();
            assertThat(j.path("type").asText()).isEqualTo("participant_joined");
            assertThat(j.at("/participant/identity").asText()).isEqualTo("carol");
            assertThat(j.at("/participant/name").asText()).isEqualTo("Carol");
            assertThat(j.at("/participant/role").asText()).isEqualTo("participant");
            assertThat(j.has("id")).as("events are not replies").isFalse();
            JsonNode t = ws.next();
            assertThat(t.path("type").asText()).isEqualTo("track_published");
            assertThat(t.path("participant").asText()).isEqualTo("carol");
            assertThat(t.at("/track/sid").asText()).isEqualTo("TR_9");
            assertThat(t.at("/track/kind").asText()).isEqualTo("video");
            assertThat(t.at("/track/source").asText()).isEqualTo("camera");
            assertThat(t.at("/track/muted").asBoolean(true)).isFalse();
            JsonNode m = ws.next();
            assertThat(m.path("type").asText()).isEqualTo("track_muted");
            assertThat(m.path("participant").asText()).isEqualTo("carol");
            assertThat(m.at("/track/sid").asText()).isEqualTo("TR_9");
            assertThat(m.at("/track/muted").asBoolean()).isTrue();
            assertThat(m.path("by").asText()).isEqualTo("admin");
            JsonNode s = ws.next();
            assertThat(s.path("type").asText()).isEqualTo("active_speakers");
            assertThat(s.at("/speakers/0/identity").asText()).isEqualTo("carol");
            assertThat(s.at("/speakers/0/level").asDouble()).isEqualTo(0.5);
            JsonNode st = ws.next();
            assertThat(st.path("type").asText()).isEqualTo("subscription_state");
            assertThat(st.at("/tracks/0/sid").asText()).isEqualTo("TR_9");
            assertThat(st.at("/tracks/0/state").asText()).isEqualTo("paused");
            assertThat(st.path("reason").asText()).isEqualTo("video_cap");
            JsonNode u = ws.next();
            assertThat(u.path("type").asText()).isEqualTo("track_unpublished");
            assertThat(u.path("participant").asText()).isEqualTo("carol");
            assertThat(u.at("/track/sid").asText()).isEqualTo("TR_9");
            assertThat(u.at("/track/kind").asText()).isEqualTo("video");
            JsonNode l = ws.next();
            assertThat(l.path("type").asText()).isEqualTo("participant_left");
            assertThat(l.at("/participant/identity").asText()).isEqualTo("carol");
            assertThat(l.path("reason").asText()).isEqualTo("left");

            ws.send("{\"type\":\"ping\",\"id\":\"p\",\"ts\":12345}");
            JsonNode pong = ws.next("pong");
            assertThat(pong.path("id").asText()).isEqualTo("p");
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
            h.media.emit(new RoomEvent.ParticipantJoined("studio", TestEvents.participant("carol", null), 1));
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
