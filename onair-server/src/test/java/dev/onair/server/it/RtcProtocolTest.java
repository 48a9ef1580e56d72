package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.MediaBootstrap;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.HttpServer;
import dev.onair.server.http.Responses;
import dev.onair.server.rtc.RtcHub;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Protocol v1 at {@code /rtc} against the real server: every error case of docs/protocol.md, each followed by
 * a check that the room goes on working for another participant on another socket (a watcher sees a fresh
 * participant join and leave).
 */
class RtcProtocolTest {
    @RegisterExtension
    static final ItServer it = new ItServer();

    private static final String GARBAGE_SDP = "v=0\r\nthis is not sdp\r\n";

    private static String token(String room, String identity, Permission... perms) {
        return token(new TokenSpec(room, identity, null, EnumSet.of(perms[0], perms), Duration.ofHours(1)));
    }

    private static String token(TokenSpec spec) {
        return it.server.tokens().mint(spec);
    }

    private static RtcClient client() {
        return new RtcClient(it.server.httpPort());
    }

    /** A participant already in {@code room} that watches for the others. */
    private static RtcClient watcher(String room) {
        RtcClient w = client();
        w.joined(token(room, "watcher", Permission.SUBSCRIBE));
        return w;
    }

    /** A fresh participant joins {@code room} on a new socket and leaves again; the watcher sees both. */
    private static void assertRoomWorks(String room, RtcClient watcher, String identity) throws Exception {
        try (RtcClient fresh = client()) {
            JsonNode joined = fresh.joined(token(room, identity, Permission.PUBLISH, Permission.SUBSCRIBE));
            assertThat(joined.path("participants").findValuesAsText("identity")).contains("watcher");
            watcher.awaitType("participant_joined", f -> identity.equals(f.at("/participant/identity").asText()));
            assertThat(fresh.leave()).isEqualTo(1000);
            watcher.awaitType("participant_left", f -> identity.equals(f.at("/participant/identity").asText()));
        }
    }

    private static void assertError(JsonNode frame, String code, String id) {
        assertThat(frame.path("type").asText()).as("%s", frame).isEqualTo("error");
        assertThat(frame.path("code").asText()).as("%s", frame).isEqualTo(code);
        assertThat(frame.path("message").asText()).as("an error explains itself").isNotBlank();
        if (id != null) {
            assertThat(frame.path("id").asText()).as("the error echoes the id").isEqualTo(id);
        }
    }

    @Test
    void beforeJoinOnlyPingIsAnsweredAndTheSocketCanStillJoin() throws Exception {
        String room = "p-before-join";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            JsonNode e = c.request(RtcClient.message("subscribe").put("sdp", "v=0"));
            assertError(e, "not_joined", e.path("id").asText());
            assertError(c.request(RtcClient.message("mute").put("sid", "TR_x").put("muted", true)), "not_joined", null);
            c.barrier();
            c.joined(token(room, "late", Permission.SUBSCRIBE));
            w.awaitType("participant_joined", f -> "late".equals(f.at("/participant/identity").asText()));
            assertRoomWorks(room, w, "fresh");
        }
    }

    @Test
    void aBadTokenIsRefusedWith4401() throws Exception {
        String room = "p-bad-token";
        TokenService stranger = new TokenService(Map.of(ServerConfig.DEV_KEY_ID, "another-secret-0123456789abcdefghij"),
                ServerConfig.DEV_KEY_ID, Clock.systemUTC());
        String forged = stranger.mint(new TokenSpec(room, "mallory", null, EnumSet.of(Permission.PUBLISH),
                Duration.ofHours(1)));
        try (RtcClient w = watcher(room)) {
            for (String bad : List.of("not-a-jwt", forged)) {
                try (RtcClient c = client()) {
                    assertError(c.join(bad), "unauthenticated", null);
                    assertThat(c.awaitClose()).isEqualTo(4401);
                }
            }
            assertRoomWorks(room, w, "fresh");
            w.barrier();
            assertThat(w.frames("participant_joined")).as("nobody with a bad token joined")
                    .allMatch(f -> f.at("/participant/identity").asText().equals("fresh"));
        }
    }

    @Test
    void aTokenForAnotherRoomIsRefusedWith4403() throws Exception {
        String room = "p-other-room";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            JsonNode e = c.request(RtcClient.message("join").put("token", token("somewhere-else", "eve",
                    Permission.PUBLISH, Permission.SUBSCRIBE)).put("room", room));
            assertError(e, "forbidden", null);
            assertThat(c.awaitClose()).isEqualTo(4403);
            assertRoomWorks(room, w, "fresh");
        }
    }

    @Test
    void aTokenWithoutPublishOrSubscribeIsRefusedWith4403() throws Exception {
        String room = "p-no-perms";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            assertError(c.join(token(room, "eve", Permission.CHAT)), "forbidden", null);
            assertThat(c.awaitClose()).isEqualTo(4403);
            assertRoomWorks(room, w, "fresh");
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheSocketAndRoomGoOn() throws Exception {
        String room = "p-bad-frames";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            c.joined(token(room, "bob", Permission.SUBSCRIBE));

            c.send("{\"v\":1,\"type\":\"teleport\",\"id\":\"t\"}");
            c.send("{not json");
            c.send("[1,2]");
            c.send("{\"v\":2,\"type\":\"ping\",\"id\":\"v2\"}");
            c.send("{\"id\":\"no-type\"}");
            c.send("{\"type\":7}");
            c.send("{\"v\":1,\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
            c.sendBinary(new byte[] {1, 2, 3});
            c.barrier(); // frames are handled in order: every error is in by now

            List<JsonNode> errors = c.frames("error");
            assertThat(errors).extracting(f -> f.path("code").asText()).containsExactly("unknown_type",
                    "malformed_json", "malformed_json", "unsupported_version", "bad_request", "bad_request",
                    "frame_too_large", "binary_not_supported");
            errors.forEach(f -> assertThat(f.path("message").asText()).isNotBlank());
            assertThat(errors.get(0).path("id").asText()).isEqualTo("t");
            assertThat(errors.get(0).path("message").asText()).contains("teleport");
            assertThat(errors.get(3).path("id").asText()).isEqualTo("v2");
            assertThat(errors.get(4).path("id").asText()).isEqualTo("no-type");
            assertThat(c.frames("pong")).as("only the barrier's ping was answered").hasSize(1);

            c.barrier();
            assertThat(c.isClosed()).isFalse();
            assertRoomWorks(room, w, "fresh");
            c.awaitType("participant_joined", f -> "fresh".equals(f.at("/participant/identity").asText()));
        }
    }

    @Test
    void aFrameOver128KiBClosesTheSocketWith1009ButNotTheRoom() throws Exception {
        String room = "p-huge-frame";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            c.joined(token(room, "bob", Permission.SUBSCRIBE));
            c.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(130 * 1024) + "\"}");
            assertThat(c.awaitClose()).isEqualTo(1009);
            assertRoomWorks(room, w, "fresh");
        }
    }

    @Test
    void aBroadcastViewerThatPublishesIsForbiddenAndStaysConnected() throws Exception {
        String room = "p-viewer-publish";
        try (RtcClient host = client(); RtcClient viewer = client()) {
            host.joined(token(new TokenSpec(room, "host", null, EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE),
                    Duration.ofHours(1), null, "broadcast")));
            JsonNode joined = viewer.joined(token(room, "viewer", Permission.SUBSCRIBE));
            assertThat(joined.at("/participant/role").asText()).isEqualTo("viewer");
            var publish = RtcClient.message("publish").put("sdp", GARBAGE_SDP);
            publish.putArray("tracks").addObject().put("mid", "0").put("source", "camera");
            JsonNode e = viewer.request(publish);
            assertError(e, "forbidden", e.path("id").asText());
            viewer.barrier();
            assertThat(viewer.isClosed()).isFalse();
            host.awaitType("participant_joined", f -> "viewer".equals(f.at("/participant/identity").asText()));
            assertRoomWorksForHost(room, host);
        }
    }

    /** In a broadcast room a new viewer is announced to the host. */
    private static void assertRoomWorksForHost(String room, RtcClient host) {
        try (RtcClient fresh = client()) {
            fresh.joined(token(room, "fresh-viewer", Permission.SUBSCRIBE));
            host.awaitType("participant_joined", f -> "fresh-viewer".equals(f.at("/participant/identity").asText()));
        }
    }

    @Test
    void offersAndCommandsWithBadContentGetTypedErrorsAndTheSocketGoesOn() throws Exception {
        String room = "p-bad-commands";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            c.joined(token(room, "bob", Permission.PUBLISH, Permission.SUBSCRIBE));

            JsonNode garbage = c.request(RtcClient.message("publish").put("sdp", GARBAGE_SDP));
            assertError(garbage, "negotiation_failed", garbage.path("id").asText());
            JsonNode garbageSub = c.request(RtcClient.message("subscribe").put("sdp", GARBAGE_SDP));
            assertError(garbageSub, "negotiation_failed", garbageSub.path("id").asText());

            JsonNode mute = c.request(RtcClient.message("mute").put("sid", "TR_nobody").put("muted", true));
            assertError(mute, "unknown_track", mute.path("id").asText());
            assertError(c.request(RtcClient.message("mute").put("sid", "TR_nobody")), "bad_request", null);

            assertError(c.request(RtcClient.message("trickle").put("pc", "sideways").putNull("candidate")),
                    "bad_request", null);
            var noCandidateString = RtcClient.message("trickle").put("pc", "publisher");
            noCandidateString.putObject("candidate").put("candidate", 5);
            assertError(c.request(noCandidateString), "bad_request", null);
            assertError(c.request(RtcClient.message("trickle").put("pc", "publisher").put("candidate", "a=candidate")),
                    "bad_request", null);
            int before = c.frames().size();
            c.send(RtcClient.message("trickle").put("id", "t-ok").put("pc", "subscriber").putNull("candidate").toString());
            c.barrier();
            assertThat(c.frames()).as("a valid trickle gets no answer (only the barrier's pong)").hasSize(before + 1);

            var badTracks = RtcClient.message("publish").put("sdp", GARBAGE_SDP);
            badTracks.putArray("tracks").addObject().put("mid", "0").put("source", "hologram");
            assertError(c.request(badTracks), "bad_request", null);
            var numericMid = RtcClient.message("publish").put("sdp", GARBAGE_SDP);
            numericMid.putArray("tracks").addObject().put("mid", 0);
            assertError(c.request(numericMid), "bad_request", null);
            var notAnArray = RtcClient.message("subscribe").put("sdp", GARBAGE_SDP).put("tracks", "all");
            assertError(c.request(notAnArray), "bad_request", null);
            assertError(c.request(RtcClient.message("publish")), "bad_request", null);

            JsonNode second = c.join(token(room, "bob", Permission.SUBSCRIBE));
            assertError(second, "already_joined", second.path("id").asText());

            c.barrier();
            assertThat(c.isClosed()).isFalse();
            assertRoomWorks(room, w, "fresh");
            c.awaitType("participant_joined", f -> "fresh".equals(f.at("/participant/identity").asText()));
        }
    }

    @Test
    void metadataOver1KiBIsABadRequestAndTheSocketMayJoinAgain() throws Exception {
        String room = "p-metadata";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            String big = token(new TokenSpec(room, "chatty", null, EnumSet.of(Permission.SUBSCRIBE),
                    Duration.ofHours(1), "m".repeat(1025), null));
            JsonNode e = c.join(big);
            assertError(e, "bad_request", e.path("id").asText());
            c.barrier();
            assertThat(c.isClosed()).isFalse();
            JsonNode ok = c.joined(token(new TokenSpec(room, "chatty", null, EnumSet.of(Permission.SUBSCRIBE),
                    Duration.ofHours(1), "m".repeat(1024), null)));
            assertThat(ok.at("/participant/metadata").asText()).hasSize(1024);
            JsonNode announced = w.awaitType("participant_joined",
                    f -> "chatty".equals(f.at("/participant/identity").asText()));
            assertThat(announced.at("/participant/metadata").asText()).hasSize(1024);
            assertThat(w.frames("participant_joined")).as("the refused join was never announced").hasSize(1);
            assertRoomWorks(room, w, "fresh");
        }
    }

    /** docs/protocol.md: the older socket gets {@code replaced} and 4409; others see the identity leave and join. */
    @Test
    void theSameIdentityOnASecondSocketReplacesTheFirst() throws Exception {
        String room = "p-replace";
        try (RtcClient w = watcher(room); RtcClient first = client(); RtcClient second = client()) {
            first.joined(token(room, "bob", Permission.SUBSCRIBE));
            w.awaitType("participant_joined", f -> "bob".equals(f.at("/participant/identity").asText()));
            JsonNode joined = second.joined(token(room, "bob", Permission.SUBSCRIBE));
            assertThat(joined.path("resumed").asBoolean()).isFalse();

            assertError(first.awaitType("error"), "replaced", null);
            assertThat(first.awaitClose()).isEqualTo(4409);
            w.barrier(); // the replacement's events were queued on w before the second socket got joined
            List<String> aboutBob = w.frames().stream()
                    .filter(f -> "bob".equals(f.at("/participant/identity").asText()))
                    .map(f -> f.path("type").asText()).toList();
            assertThat(aboutBob).containsExactly("participant_joined", "participant_left", "participant_joined");

            second.barrier();
            assertThat(second.isClosed()).as("the new socket is the participant now").isFalse();
            assertRoomWorks(room, w, "fresh");
            second.awaitType("participant_joined", f -> "fresh".equals(f.at("/participant/identity").asText()));
        }
    }

    @Test
    void leaveClosesWith1000AndOthersSeeTheParticipantLeave() throws Exception {
        String room = "p-leave";
        try (RtcClient w = watcher(room); RtcClient c = client()) {
            c.joined(token(room, "bob", Permission.SUBSCRIBE));
            c.send(RtcClient.message("leave").put("id", "bye").toString());
            assertThat(c.awaitClose()).isEqualTo(1000);
            JsonNode left = w.awaitType("participant_left", f -> "bob".equals(f.at("/participant/identity").asText()));
            assertThat(left.path("reason").asText()).isEqualTo("left");
            assertRoomWorks(room, w, "fresh");
        }
    }

    /**
     * The server's join timeout is fixed at 10 s (not configurable), so this runs a signalling endpoint with a
     * 300 ms timeout over a real media service of its own.
     */
    @Test
    void aSocketThatDoesNotJoinInTimeIsClosedWith4408AndOthersStillJoin() throws Exception {
        ServerConfig cfg = new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 10);
        MediaBootstrap.Started media = MediaBootstrap.start(cfg);
        RtcHub hub = new RtcHub(it.server.tokens(), media.media(), 300, 30);
        try (AutoCloseable closer = media.closer();
             HttpServer http = HttpServer.start(0,
                     req -> CompletableFuture.completedFuture(Responses.empty(HttpResponseStatus.NOT_FOUND)),
                     new HttpMetrics(), Duration.ofSeconds(5), hub::newHandler);
             RtcClient w = new RtcClient(http.port());
             RtcClient idle = new RtcClient(http.port())) {
            w.joined(token("p-timeout", "watcher", Permission.SUBSCRIBE));
            assertError(idle.awaitType("error"), "join_timeout", null);
            assertThat(idle.awaitClose()).isEqualTo(4408);
            w.barrier();
            assertThat(w.isClosed()).as("a joined socket is not timed out").isFalse();
            try (RtcClient fresh = new RtcClient(http.port())) {
                fresh.joined(token("p-timeout", "fresh", Permission.SUBSCRIBE));
                w.awaitType("participant_joined", f -> "fresh".equals(f.at("/participant/identity").asText()));
            }
        }
    }
}
