package dev.onair.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client for signalling tests, and for raw {@code /chat} frames that the real chat client cannot send
 * (a bad join, no join, a binary frame): JSON frames in a queue, the close code in a future.
 */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(5);

    public final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    public WsClient(int port) {
        this(port, "/rtc");
    }

    /** A socket on another path of the server, e.g. {@code /chat}. */
    public WsClient(int port, String path) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), new Collector()).join();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next frame, failing the test if none arrives in 5 s. */
    public JsonNode next() throws InterruptedException {
        JsonNode n = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return n;
    }

    /** The next frame of that type, skipping others (events may interleave). */
    public JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        java.util.List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode n = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (n != null && type.equals(n.path("type").asText())) {
                return n;
            }
            if (n != null) {
                seen.add(n.path("type").asText());
            }
        }
        throw new AssertionError("no " + type + " frame within " + WAIT + "; saw " + seen);
    }

    public int awaitClose() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
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
            ws.request(1);
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
