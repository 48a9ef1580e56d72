package dev.onair.server.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends one POST without blocking the caller. {@link JdkWebhookTransport} in production, fakes in tests. */
public interface WebhookTransport extends AutoCloseable {

    /**
     * POSTs {@code body} with {@code headers}; the future completes with the HTTP status code, or exceptionally on
     * a network error or when no response arrived within {@code timeout}. Must not block.
     */
    CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body, Duration timeout);

    @Override
    default void close() {
    }
}
