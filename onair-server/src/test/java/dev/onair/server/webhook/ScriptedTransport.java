package dev.onair.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link WebhookTransport} that records every request and answers from a per-URL script: a status code, -1 for
 * a network error, or 0 for "never answers". When a URL's script is used up it answers 200.
 */
final class ScriptedTransport implements WebhookTransport {
    static final int NETWORK_ERROR = -1;
    static final int HANG = 0;

    /** One recorded request. */
    record Request(URI url, Map<String, String> headers, byte[] body) {
        String eventId() {
            return headers.get(WebhookSignature.EVENT_ID_HEADER);
        }
    }

    private final Map<URI, Deque<Integer>> scripts = new HashMap<>();
    final List<Request> requests = new ArrayList<>();

    ScriptedTransport answer(String url, Integer... statuses) {
        scripts.computeIfAbsent(URI.create(url), u -> new ArrayDeque<>()).addAll(List.of(statuses));
        return this;
    }

    synchronized List<Request> to(String url) {
        return requests.stream().filter(r -> r.url().toString().equals(url)).toList();
    }

    @Override
    public synchronized CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body,
                                                        Duration timeout) {
        requests.add(new Request(url, Map.copyOf(headers), body.clone()));
        Deque<Integer> script = scripts.get(url);
        int status = script == null || script.isEmpty() ? 200 : script.poll();
        if (status == NETWORK_ERROR) {
            return CompletableFuture.failedFuture(new IOException("connection refused"));
        }
        if (status == HANG) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.completedFuture(status);
    }
}
