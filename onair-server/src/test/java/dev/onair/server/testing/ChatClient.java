package dev.onair.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test client of the {@code /chat} socket (JDK WebSocket). Collects every frame as JSON; {@link #pause()} stops
 * reading from the socket (the JDK client then stops pulling from TCP: a slow consumer), {@link #resume()} reads on.
 */
public final class ChatClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicBoolean paused = new AtomicBoolean();
    /** Frames skipped by {@link #next(String)}, read first by later calls (test thread only). */
    private final java.util.ArrayDeque<JsonNode> held = new java.util.ArrayDeque<>();
    private final WebSocket socket;

    public ChatClient(int port) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat"), new Collector()).join();
    }

    public static String join(String token, String room) {
        return JSON.createObjectNode().put("type", "join").put("token", token).put("room", room).toString();
    }

    public static String resume(String token, String room, long epoch, long lastSeq) {
        return JSON.createObjectNode().put("type", "join").put("token", token).put("room", room)
                .put("epoch", epoch).put("lastSeq", lastSeq).toString();
    }

    public static String chat(String clientMsgId, String text) {
        return JSON.createObjectNode().put("type", "send").put("kind", "chat").put("clientMsgId", clientMsgId)
                .put("text", text).toString();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next frame, failing the test if none arrives in {@link #WAIT}. */
    public JsonNode next() throws InterruptedException {
        if (!held.isEmpty()) {
            return held.poll();
        }
        JsonNode n = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return n;
    }

    /**
     * The next frame of that type; frames of other types that come first are held back for later calls (so an
     * {@code ack} and its {@code msg} may be read in either order).
     */
    public JsonNode next(String type) throws InterruptedException {
        for (java.util.Iterator<JsonNode> it = held.iterator(); it.hasNext(); ) {
            JsonNode n = it.next();
            if (type.equals(n.path("type").asText())) {
                it.remove();
                return n;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode n = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (n != null && type.equals(n.path("type").asText())) {
                return n;
            }
            if (n != null) {
                held.add(n);
            }
        }
        List<String> seen = new ArrayList<>();
        held.forEach(n -> seen.add(n.toString().length() > 120 ? n.path("type").asText() : n.toString()));
        throw new AssertionError("no " + type + " frame within " + WAIT + "; held " + seen);
    }

    /** The next {@code msg} frame of kind {@code chat} (presence messages skipped). */
    public JsonNode nextChat() throws InterruptedException {
        while (true) {
            JsonNode n = next("msg");
            if ("chat".equals(n.path("kind").asText())) {
                return n;
            }
        }
    }

    /** Forgets the frames held back by {@link #next(String)} (e.g. echoes a test does not check). */
    public void discardHeld() {
        held.clear();
    }

    public int awaitClose() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void pause() {
        paused.set(true);
    }

    public void resume() {
        if (paused.compareAndSet(true, false)) {
            socket.request(1);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    frames.add(JSON.createObjectNode().put("type", "unparseable").put("raw", partial.toString()));
                }
                partial.setLength(0);
            }
            if (!paused.get()) {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
