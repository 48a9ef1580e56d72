package dev.onair.server;

import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Starts an {@link OnairServer} on a free port with a {@link FakeMediaService} and a fixed clock. */
final class ServerHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String KEY_ID = "prod1";
    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"; // 64 bytes

    final FakeMediaService media = new FakeMediaService();
    final OnairServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ServerHarness(boolean devMode, Duration mediaTimeout) {
        ServerConfig cfg = new ServerConfig(0, 0, List.of("127.0.0.1"),
                devMode ? Map.of() : Map.of(KEY_ID, SECRET), 500);
        server = OnairServer.start(cfg, media.started(), CLOCK, mediaTimeout);
    }

    static ServerHarness withKeys() {
        return new ServerHarness(false, OnairServer.MEDIA_TIMEOUT);
    }

    static ServerHarness devMode() {
        return new ServerHarness(true, OnairServer.MEDIA_TIMEOUT);
    }

    String token(String room, Permission... perms) {
        return server.tokens().mint(new TokenSpec(room, "alice", "Alice", EnumSet.of(perms[0], perms), Duration.ofHours(1)));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String contentType, String body, String bearerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        }
        return send(b);
    }

    HttpResponse<String> postWithAuthorization(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(SDP_OFFER))
                .header("Content-Type", "application/sdp");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    HttpResponse<String> method(String method, String path, String bearerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        }
        return send(b);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    static final String SDP_OFFER = "v=0\r\no=- 42 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
            + "a=sendonly\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n";

    @Override
    public void close() {
        server.close();
    }
}
