package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.onair.server.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code GET /api/v1/status} of a dev-mode server (open without a token), read from the tests. */
final class ServerStatus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerStatus() {
    }

    static JsonNode get(String base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Live sessions of {@code identity} in {@code room} of one kind ("publish" or "subscribe"). */
    static long sessions(String base, String room, String identity, String kind) {
        long n = 0;
        for (JsonNode s : get(base).path("sessions")) {
            if (room.equals(s.path("room").asText()) && identity.equals(s.path("identity").asText())
                    && kind.equals(s.path("kind").asText())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Polls until {@code room} has a session of {@code kind} ("publish" or "subscribe") that also passes {@code also}
     * and returns it; fails the test after {@code timeout}.
     */
    static JsonNode awaitSession(String base, String room, String kind, Duration timeout, Predicate<JsonNode> also) {
        JsonNode found = Poll.until(timeout, () -> {
            for (JsonNode s : get(base).path("sessions")) {
                if (room.equals(s.path("room").asText()) && kind.equals(s.path("kind").asText()) && also.test(s)) {
                    return s;
                }
            }
            return null;
        }, s -> s != null);
        assertThat(found).as("a %s session in %s", kind, room).isNotNull();
        return found;
    }

    /** The first session of {@code kind} in {@code room}, within 5 s. */
    static JsonNode awaitSession(String base, String room, String kind) {
        return awaitSession(base, room, kind, Duration.ofSeconds(5), s -> true);
    }

    /** The room's active speakers as the server last announced them (empty when nobody speaks). */
    static List<String> activeSpeakers(String base, String room) {
        List<String> out = new ArrayList<>();
        get(base).path("activeSpeakers").path(room).forEach(n -> out.add(n.asText()));
        return out;
    }
}
