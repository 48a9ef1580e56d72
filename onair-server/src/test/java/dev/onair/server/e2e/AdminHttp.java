package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/** The admin API and getStats() numbers as the browser tests use them: one place for the HTTP plumbing. */
final class AdminHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminHttp() {
    }

    /** One admin request (a fresh all-rooms admin token) with an optional JSON body. */
    static HttpResponse<String> send(BrowserServer server, String method, String path, String json) {
        String token = server.server().tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + token);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a 200 answer as JSON (fails the test on another status). */
    static JsonNode read(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin path of one participant's network-lab impairment. */
    static String impairmentPath(String room, String identity) {
        return "/api/v1/rooms/" + room + "/participants/" + identity + "/impairment";
    }

    /**
     * Impairs one direction ("up" or "down") of a participant's link with a scenario (YAML, its newlines escaped for
     * JSON) and a seed; fails the test unless the server takes it.
     */
    static void impair(BrowserServer server, String room, String identity, String direction, String scenarioYaml,
                       long seed) {
        HttpResponse<String> put = send(server, "PUT", impairmentPath(room, identity), "{\"direction\":\"" + direction
                + "\",\"scenario\":\"" + scenarioYaml + "\",\"seed\":" + seed + "}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** Ends a participant's impairment; fails the test unless the server did. */
    static void clearImpairment(BrowserServer server, String room, String identity) {
        HttpResponse<String> del = send(server, "DELETE", impairmentPath(room, identity), null);
        assertThat(del.statusCode()).as(del.body()).isBetween(200, 204);
    }

    /** The growth of a getStats() counter between two summaries. */
    static long delta(Map<?, ?> start, Map<?, ?> end, String key) {
        return num(end, key) - num(start, key);
    }

    /** A number from a getStats() summary map; 0 when absent. */
    static long num(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
