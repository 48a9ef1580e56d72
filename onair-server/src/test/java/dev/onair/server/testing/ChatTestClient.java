package dev.onair.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.chat.ChatClient;
import dev.onair.client.chat.ChatJoin;
import dev.onair.client.chat.ChatListener;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The project's own {@code /chat} client ({@link ChatClient} of onair-client) with a blocking frame queue for tests:
 * {@link #next(String)} waits for a frame of a type, holding back the others for later calls (so an {@code ack} and
 * its {@code msg} may be read in either order). Each instance runs on its own one-thread event loop, so that
 * {@link #pause()} can stop it reading (the listener blocks that thread: TCP fills up, a slow consumer) and
 * {@link #abort()} can drop the connection without a close handshake. For frames that no join may precede (bad joins,
 * a socket that never joins) use {@link WsClient} on {@code /chat}.
 */
public final class ChatTestClient implements ChatListener, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    public final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Object pauseLock = new Object();
    private boolean paused; // guarded by pauseLock
    /** Frames skipped by {@link #next(String)}, read first by later calls (test thread only). */
    private final ArrayDeque<JsonNode> held = new ArrayDeque<>();
    private ChatClient client;

    private ChatTestClient() {
    }

    /** Connects to {@code ws://127.0.0.1:port/chat} and sends {@code join}; the {@code resumed} is not read yet. */
    public static ChatTestClient connect(int port, ChatJoin join) {
        ChatTestClient c = new ChatTestClient();
        try {
            c.client = ChatClient.connect(c.group, URI.create("ws://127.0.0.1:" + port + "/chat"), join, c)
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            c.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new AssertionError("no /chat connection to port " + port, e);
        }
        return c;
    }

    /** The real client, for its own API. */
    public ChatClient client() {
        return client;
    }

    /** Sends any text as one text frame (a bad frame, a {@code resume}, a {@code delete}). */
    public void send(String json) {
        client.sendFrame(json);
    }

    /** Sends a chat message with the caller's {@code clientMsgId}. */
    public void chat(String clientMsgId, String text) {
        client.send("chat", clientMsgId, Map.of("text", text));
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

    /** The next frame of that type; frames of other types that come first are held back for later calls. */
    public JsonNode next(String type) throws InterruptedException {
        for (Iterator<JsonNode> it = held.iterator(); it.hasNext(); ) {
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

    /** The WebSocket close code (1006 when the connection ended without a close frame). */
    public int awaitClose() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops reading: the next frame blocks this client's event loop until {@link #resume()}. */
    public void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** Drops the connection without a close handshake (as a dead network would), by stopping its event loop. */
    public void abort() {
        resume();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /** Closes with 1000 and stops the event loop. */
    @Override
    public void close() {
        resume();
        if (client != null && !group.isShuttingDown()) {
            client.closeAsync().orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        }
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onFrame(ChatClient from, String json) {
        synchronized (pauseLock) {
            while (paused) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        try {
            frames.add(JSON.readTree(json));
        } catch (IOException e) {
            frames.add(JSON.createObjectNode().put("type", "unparseable").put("raw", json));
        }
    }

    @Override
    public void onClose(ChatClient from, int code, String reason) {
        closeCode.complete(code);
    }
}
