package dev.onair.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.OnairServer;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;

/** The in-process server's admin API, each request with a fresh all-rooms admin token minted by the server. */
final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_TTL = Duration.ofHours(1);

    private final OnairServer server;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    AdminApi(OnairServer server, String base) {
        this.server = server;
        this.base = base;
    }

    /** Sets a network-lab scenario on {@code identity}'s downlink; throws with the server's reason if refused. */
    void impairDownlink(String room, String identity, String scenarioYaml, long seed) {
        String body = JSON.createObjectNode().put("direction", "down").put("scenario", scenarioYaml).put("seed", seed)
                .toString();
        HttpResponse<String> r = send("PUT", "/api/v1/rooms/" + room + "/participants/" + identity + "/impairment",
                body);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("impairment refused: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** The session report of a live session; throws on any answer but 200. */
    JsonNode sessionReport(String resourceId) {
        HttpResponse<String> r = send("GET", "/api/v1/sessions/" + resourceId + "/report", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("session report: HTTP " + r.statusCode() + " " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("session report: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(String method, String path, String json) {
        String token = server.tokens().mint(new TokenSpec("*", "quality-bench", null, EnumSet.of(Permission.ADMIN),
                TOKEN_TTL));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                "Bearer " + token);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(json))
                        .header("Content-Type", "application/json");
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + ": interrupted", e);
        }
    }
}
