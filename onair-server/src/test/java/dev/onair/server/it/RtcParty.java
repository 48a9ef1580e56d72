package dev.onair.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.client.PeerOptions;
import dev.onair.client.WebRtcPeer;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One participant of a {@code /rtc} media test: its signalling socket, and the Java peers of its publisher
 * and subscriber connections (created on demand, negotiated over that socket). Closing it leaves the room.
 */
final class RtcParty implements AutoCloseable {
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);

    final ItServer server;
    final String room;
    final String identity;
    final String token;
    final RtcClient ws;
    final JsonNode joined;
    private final List<WebRtcPeer> peers = new ArrayList<>();
    WebRtcPeer publisher;
    RtcSignalling publishing;
    WebRtcPeer subscriber;
    RtcSignalling subscribing;

    private RtcParty(ItServer server, String room, String identity, String token) {
        this.server = server;
        this.room = room;
        this.identity = identity;
        this.token = token;
        this.ws = new RtcClient(server.server.httpPort());
        this.joined = ws.joined(token);
    }

    /** Joins a conference room (or the room's existing kind) with publish and subscribe. */
    static RtcParty join(ItServer server, String room, String identity) {
        return join(server, room, identity, null, EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE));
    }

    /** Joins with these permissions; {@code roomKind} is the token's claim (null: none). */
    static RtcParty join(ItServer server, String room, String identity, String roomKind, Set<Permission> perms) {
        String token = server.server.tokens().mint(new TokenSpec(room, identity, null, perms, Duration.ofHours(1),
                null, roomKind));
        return new RtcParty(server, room, identity, token);
    }

    /** Publishes audio (mid 0) and video (mid 1) over {@code publish}, connects, and starts sending both. */
    RtcParty publish() throws IOException {
        publishing = RtcSignalling.publisher(ws);
        publisher = track(WebRtcPeer.create(PeerOptions.publisher(), publishing));
        publisher.connect();
        awaitServerSide("publish");
        publisher.startAudio();
        publisher.startVideo();
        return this;
    }

    String audioSid() {
        return publishing.sid("0");
    }

    String videoSid() {
        return publishing.sid("1");
    }

    /** Subscribes m-line 0 to {@code audioSid} and m-line 1 to {@code videoSid}, and connects. */
    WebRtcPeer subscribe(String audioSid, String videoSid) throws IOException {
        return subscribe(Map.of("0", audioSid, "1", videoSid), UnaryOperator.identity());
    }

    /** Subscribes with this mid-to-sid map, sending {@code editOffer(offer)}, and connects. */
    WebRtcPeer subscribe(Map<String, String> sidByMid, UnaryOperator<String> editOffer) throws IOException {
        subscribing = RtcSignalling.subscriber(ws, sidByMid, editOffer);
        subscriber = track(WebRtcPeer.create(PeerOptions.subscriber(), subscribing));
        subscriber.connect();
        awaitServerSide("subscribe");
        return subscriber;
    }

    /** The SSRC the subscriber connection's last answer gave m-line {@code mid}. */
    long ssrc(String mid) {
        Long ssrc = SdpEdits.ssrcByMid(subscribing.lastAnswer().path("sdp").asText()).get(mid);
        if (ssrc == null) {
            throw new AssertionError("no SSRC for mid " + mid + " in " + subscribing.lastAnswer());
        }
        return ssrc;
    }

    /** Sends {@code leave} and waits for the server's close (1000). */
    int leave() throws Exception {
        return ws.leave();
    }

    /** The server's session of this participant of that kind ({@code publish}/{@code subscribe}), or null. */
    JsonNode session(String kind) {
        for (JsonNode s : server.sessions(room, kind)) {
            if (identity.equals(s.path("identity").asText())) {
                return s;
            }
        }
        return null;
    }

    /**
     * Waits until the server reports the session connected: the client's DTLS completes a moment before the
     * server switches to SRTP, and until then the server neither accepts nor forwards media of that session.
     */
    private void awaitServerSide(String kind) {
        JsonNode s = Poll.until(CONNECT_WAIT, Duration.ofMillis(10), () -> session(kind),
                x -> x != null && "connected".equals(x.path("state").asText()));
        if (s == null || !"connected".equals(s.path("state").asText())) {
            throw new AssertionError(kind + " session of " + identity + " not connected: " + s);
        }
    }

    private WebRtcPeer track(WebRtcPeer peer) {
        peers.add(peer);
        return peer;
    }

    /** Leaves (if still joined on this socket), then closes the peers and the socket. */
    @Override
    public void close() {
        ws.leaveQuietly();
        peers.forEach(WebRtcPeer::close);
        ws.close();
    }
}
