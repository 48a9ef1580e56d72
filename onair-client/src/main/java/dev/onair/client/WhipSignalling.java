package dev.onair.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * WHIP (RFC 9725) and WHEP signalling over {@code java.net.http}: {@code POST /whip/{room}} or
 * {@code /whep/{room}} with {@code Content-Type: application/sdp} and {@code Authorization: Bearer <token>};
 * {@code 201} carries the answer and a {@code Location} that {@link #end} DELETEs. Thread-safe.
 */
public final class WhipSignalling implements Signalling {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final URI endpoint;
    private final String token;
    private volatile int lastStatus;

    private WhipSignalling(URI endpoint, String token) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.token = token;
    }

    /** {@code POST <server>/whip/<room>}; {@code server} like {@code http://127.0.0.1:8080}. */
    public static WhipSignalling whip(String server, String room, String token) {
        return new WhipSignalling(URI.create(server + "/whip/" + room), token);
    }

    /** {@code POST <server>/whep/<room>}. */
    public static WhipSignalling whep(String server, String room, String token) {
        return new WhipSignalling(URI.create(server + "/whep/" + room), token);
    }

    /** For a peer's role: WHIP to publish, WHEP to subscribe. */
    public static WhipSignalling forRole(PeerRole role, String server, String room, String token) {
        return role == PeerRole.PUBLISHER ? whip(server, room, token) : whep(server, room, token);
    }

    /** The HTTP status of the last request (0 before any). */
    public int lastStatus() {
        return lastStatus;
    }

    @Override
    public Answer exchange(String sdpOffer) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdpOffer));
        authorize(b);
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() != 201) {
            throw new SignallingException(r.statusCode(), r.body().trim());
        }
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null) {
            throw new SignallingException(r.statusCode(), "201 without a Location header");
        }
        return new Answer(r.body(), endpoint.resolve(location).toString());
    }

    @Override
    public void end(String resource) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(resource)).timeout(TIMEOUT).DELETE();
        authorize(b);
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() != 200) {
            throw new SignallingException(r.statusCode(), r.body().trim());
        }
    }

    private void authorize(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            lastStatus = r.statusCode();
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
