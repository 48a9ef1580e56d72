package dev.onair.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.PeerOptions;
import dev.onair.client.PeerRole;
import dev.onair.client.WebRtcPeer;
import dev.onair.client.WhipSignalling;
import dev.onair.server.OnairServer;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.RecorderConfig;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real dev-mode server on free ports, and Java peers that it closes at the end. */
final class ItServer implements AutoCloseable, AfterAllCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebRtcPeer> peers = new ArrayList<>();
    final OnairServer server;
    final String base;

    ItServer() {
        this(UnaryOperator.identity());
    }

    /** With the default test configuration changed by {@code customise} (e.g. {@code c -> c.withRooms(...)}). */
    ItServer(UnaryOperator<ServerConfig> customise) {
        // Automatic flight-recorder dumps (on by default) go under target/, not the machine's temp directory.
        server = OnairServer.start(customise.apply(new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 50)
                .withRecorder(RecorderConfig.defaults().withAutoDump(Path.of("target", "test-dumps"), 60_000))));
        base = "http://127.0.0.1:" + server.httpPort();
    }

    String token(String room, String identity) {
        return server.tokens().mint(new TokenSpec(room, identity, null,
                EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE), Duration.ofHours(1)));
    }

    /** A peer negotiated with WHIP/WHEP but not connected. */
    WebRtcPeer peer(String room, String identity, PeerOptions options) throws IOException {
        WebRtcPeer p = WebRtcPeer.create(options,
                WhipSignalling.forRole(options.role(), base, room, token(room, identity)));
        synchronized (peers) {
            peers.add(p);
        }
        return p;
    }

    WebRtcPeer publisher(String room, String identity) throws IOException {
        return connect(peer(room, identity, PeerOptions.publisher()));
    }

    WebRtcPeer subscriber(String room, String identity) throws IOException {
        return connect(peer(room, identity, PeerOptions.subscriber()));
    }

    WebRtcPeer subscriber(String room, String identity, PeerOptions options) throws IOException {
        return connect(peer(room, identity, options.withRole(PeerRole.SUBSCRIBER)));
    }

    /** Connects, then waits until the server's side is connected too (see {@link #awaitServerSide}). */
    WebRtcPeer connect(WebRtcPeer peer) throws IOException {
        peer.connect();
        awaitServerSide(peer);
        return peer;
    }

    /**
     * Waits until the server reports the session "connected". The client's DTLS completes when the server's
     * Finished arrives; the server switches its transport to SRTP a moment later on its media loop, and until
     * then it drops SRTP from that peer (and does not forward to it).
     */
    void awaitServerSide(WebRtcPeer peer) {
        JsonNode s = Poll.until(Duration.ofSeconds(10), Duration.ofMillis(10), () -> session(peer),
                x -> x != null && "connected".equals(x.get("state").asText()));
        if (s == null || !"connected".equals(s.get("state").asText())) {
            throw new AssertionError("server side of " + peer.resource() + " not connected: " + s);
        }
    }

    JsonNode status() {
        try {
            return JSON.readTree(get("/api/v1/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The live sessions of one room and kind ("publish" or "subscribe"). */
    List<JsonNode> sessions(String room, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : status().get("sessions")) {
            if (room.equals(s.get("room").asText()) && kind.equals(s.get("kind").asText())) {
                out.add(s);
            }
        }
        return out;
    }

    /** The session whose resource URL ends with its id, or null. */
    JsonNode session(WebRtcPeer peer) {
        for (JsonNode s : status().get("sessions")) {
            if (peer.resource() != null && peer.resource().endsWith("/" + s.get("resourceId").asText())) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        synchronized (peers) {
            peers.forEach(WebRtcPeer::close);
            peers.clear();
        }
        server.close();
    }
}
