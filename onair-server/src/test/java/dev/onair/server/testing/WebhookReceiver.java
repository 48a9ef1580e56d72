package dev.onair.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 (JDK {@code HttpServer}, port 0, a thread per request). It records every
 * request, answers from a script of status codes (then 200) and can be made slow: each request is held until
 * {@link #release()} or at most {@code holdMillis}, which stands in for a receiver that sleeps.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String eventId, String timestamp, String signature, String contentType, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger completed = new AtomicInteger();
    private final long holdMillis;

    private WebhookReceiver(long holdMillis, Integer... statuses) {
        this.holdMillis = holdMillis;
        script.addAll(List.of(statuses));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the given statuses in turn, then 200, at once. */
    public static WebhookReceiver answering(Integer... statuses) {
        return new WebhookReceiver(0, statuses);
    }

    /** Answers 200, but only after {@link #release()} or {@code holdMillis}. */
    public static WebhookReceiver slow(long holdMillis) {
        return new WebhookReceiver(holdMillis);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests answered so far. */
    public int completed() {
        return completed.get();
    }

    /** Lets held requests (and all later ones) answer. */
    public void release() {
        released.countDown();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int status;
        synchronized (this) {
            received.add(new Received(ex.getRequestHeaders().getFirst("Onair-Event-Id"),
                    ex.getRequestHeaders().getFirst("Onair-Timestamp"),
                    ex.getRequestHeaders().getFirst("Onair-Signature"),
                    ex.getRequestHeaders().getFirst("Content-Type"), body));
            status = script.isEmpty() ? 200 : script.poll();
        }
        if (holdMillis > 0) {
            try {
                released.await(holdMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
        completed.incrementAndGet();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
