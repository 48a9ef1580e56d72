package dev.onair.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.server.testing.Poll;
import dev.onair.server.testing.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One signalling socket at {@code /rtc} for integration tests: every frame the server sends is kept in a log
 * (in arrival order), so a test can wait for a reply by its {@code id} without losing the room events that
 * arrive in between, and later assert which events did or did not arrive. Waits poll with a deadline.
 */
final class RtcClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WsClient ws;
    private final List<JsonNode> log = new ArrayList<>();
    private int nextId = 1;
    private volatile boolean dropped;

    RtcClient(int port) {
        ws = new WsClient(port);
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("v", 1).put("type", type);
    }

    /** Sends {@code join} and returns its reply ({@code joined} or an {@code error}). */
    JsonNode join(String token) {
        return request(message("join").put("token", token));
    }

    /** Sends {@code join} with {@code resume} and returns its reply. */
    JsonNode resume(String token, String resumeToken) {
        return request(message("join").put("token", token).put("resume", resumeToken));
    }

    /** Joins and fails the test unless the reply is {@code joined}. */
    JsonNode joined(String token) {
        JsonNode reply = join(token);
        if (!"joined".equals(reply.path("type").asText())) {
            throw new AssertionError("join refused: " + reply);
        }
        return reply;
    }

    /** Gives {@code msg} the next {@code id}, sends it and returns the frame that echoes that id. */
    synchronized JsonNode request(ObjectNode msg) {
        String id = "c" + nextId++;
        msg.put("id", id);
        send(msg.toString());
        return await("reply to " + msg.path("type").asText() + " " + id, f -> id.equals(f.path("id").asText()));
    }

    void send(String text) {
        ws.send(text);
    }

    void sendBinary(byte[] data) {
        ws.sendBinary(data);
    }

    /** The first logged frame (old or new) that matches, waiting up to {@link #WAIT}; fails the test otherwise. */
    JsonNode await(String what, Predicate<JsonNode> match) {
        return await(what, match, WAIT);
    }

    /** As {@link #await(String, Predicate)}, waiting up to {@code timeout}. */
    JsonNode await(String what, Predicate<JsonNode> match, Duration timeout) {
        JsonNode found = Poll.until(timeout, STEP, () -> find(match), Objects::nonNull);
        if (found == null) {
            throw new AssertionError("no frame (" + what + ") within " + timeout + "; received " + types());
        }
        return found;
    }

    /** The first frame of that type whose fields match. */
    JsonNode awaitType(String type, Predicate<JsonNode> match) {
        return await(type, f -> type.equals(f.path("type").asText()) && match.test(f));
    }

    JsonNode awaitType(String type) {
        return awaitType(type, f -> true);
    }

    /**
     * A round trip of {@code ping}. The server queues an event's frame on every socket before it answers the
     * request that caused the event, and writes a socket's frames in order; so once the caller has seen that
     * answer (on any socket), the event's frame was queued here a network round trip before the ping arrives,
     * and after the pong it is in this log: an event that is absent then was never sent.
     */
    void barrier() {
        JsonNode pong = request(message("ping"));
        if (!"pong".equals(pong.path("type").asText())) {
            throw new AssertionError("ping answered with " + pong);
        }
    }

    /** Every frame received so far. */
    synchronized List<JsonNode> frames() {
        drain();
        return List.copyOf(log);
    }

    /** Every frame of that type received so far. */
    List<JsonNode> frames(String type) {
        return frames().stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** The close code the server sent, waiting up to 5 s. */
    int awaitClose() throws Exception {
        return ws.awaitClose();
    }

    boolean isClosed() {
        return dropped || ws.closeCode.isDone();
    }

    /** Sends {@code leave} and returns the server's close code (1000). */
    int leave() throws Exception {
        send(message("leave").toString());
        return awaitClose();
    }

    /**
     * Leaves if the socket is still open, so that the server closes this participant's sessions now instead of
     * keeping them for the resume window (a later test's peer may get the same UDP port). Never fails.
     */
    void leaveQuietly() {
        if (!isClosed()) {
            try {
                leave();
            } catch (Exception | AssertionError e) {
                close();
            }
        }
    }

    /** Drops the TCP connection without a close frame (a network failure, not a {@code leave}). */
    @Override
    public void close() {
        dropped = true;
        ws.close();
    }

    private synchronized JsonNode find(Predicate<JsonNode> match) {
        drain();
        for (JsonNode f : log) {
            if (match.test(f)) {
                return f;
            }
        }
        return null;
    }

    private synchronized void drain() {
        ws.frames.drainTo(log);
    }

    private synchronized List<String> types() {
        drain();
        return log.stream().map(f -> f.path("type").asText() + (f.has("code") ? ":" + f.get("code").asText() : ""))
                .toList();
    }
}
