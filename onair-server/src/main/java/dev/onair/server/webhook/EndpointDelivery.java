package dev.onair.server.webhook;

import dev.onair.protocol.DropCounts;
import dev.onair.transport.clock.MediaClock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries to one URL: a bounded queue and at most one request in flight, so events reach a receiver in order
 * and a slow or dead receiver delays only its own queue. Every step runs as a task on the scheduler; requests are
 * asynchronous, so no thread waits on a receiver. Network errors, timeouts and 5xx are retried after
 * {@link Backoff} until {@code maxAttempts}; 2xx is delivered; anything else fails at once.
 */
public final class EndpointDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointDelivery.class);

    /** What every URL's delivery shares. */
    record Context(WebhookTransport transport, ScheduledExecutorService scheduler, Backoff backoff, MediaClock clock,
                   String secret, Duration timeout, int maxAttempts, DropCounts<WebhookResult> counts) {
    }

    private final URI url;
    private final Context ctx;
    private final ArrayBlockingQueue<WebhookEvent> queue;
    /** True from the moment a task is scheduled until the queue is found empty; guarded by {@code this}. */
    private boolean busy;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    EndpointDelivery(URI url, int queueSize, Context ctx) {
        this.url = url;
        this.ctx = ctx;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    public URI url() {
        return url;
    }

    /** Queues an event without blocking; false (and counted as dropped) when the queue is full. */
    boolean offer(WebhookEvent event) {
        if (!queue.offer(event)) {
            ctx.counts().increment(WebhookResult.DROPPED);
            return false;
        }
        kick();
        return true;
    }

    /** Completes when the queue is empty and nothing is in flight. */
    synchronized CompletableFuture<Void> whenIdle() {
        return idle;
    }

    /** Empties the queue, counting what was left as dropped; returns how many. */
    int discardQueued() {
        int n = 0;
        while (queue.poll() != null) {
            ctx.counts().increment(WebhookResult.DROPPED);
            n++;
        }
        return n;
    }

    private void kick() {
        synchronized (this) {
            if (busy) {
                return;
            }
            busy = true;
            if (idle.isDone()) {
                idle = new CompletableFuture<>();
            }
        }
        if (!submit(this::next)) {
            goIdle();
        }
    }

    private void next() {
        WebhookEvent event = queue.poll();
        if (event == null) {
            goIdle();
            if (!queue.isEmpty()) {
                kick();
            }
            return;
        }
        attempt(event, event.toJson(), 1);
    }

    private void goIdle() {
        CompletableFuture<Void> done;
        synchronized (this) {
            busy = false;
            done = idle;
        }
        done.complete(null);
    }

    private void attempt(WebhookEvent event, byte[] body, int attempt) {
        long timestampSeconds = Math.floorDiv(ctx.clock().wallMillis(), 1000L);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestampSeconds));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(ctx.secret(), timestampSeconds, body));
        headers.put(WebhookSignature.EVENT_ID_HEADER, event.id());
        CompletableFuture<Integer> sent;
        try {
            sent = ctx.transport().post(url, headers, body, ctx.timeout());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((status, error) -> {
            if (!submit(() -> settle(event, body, attempt, status, error))) {
                goIdle();
            }
        });
    }

    private void settle(WebhookEvent event, byte[] body, int attempt, Integer status, Throwable error) {
        if (error == null && status / 100 == 2) {
            ctx.counts().increment(WebhookResult.DELIVERED);
            next();
            return;
        }
        boolean retryable = error != null || status >= 500;
        String why = error != null ? error.toString() : "HTTP " + status;
        if (retryable && attempt < ctx.maxAttempts()) {
            long delayMillis = ctx.backoff().delayMillis(attempt);
            LOG.debug("webhook {} to {} attempt {} failed ({}); retrying in {} ms", event.id(), url, attempt, why,
                    delayMillis);
            ctx.counts().increment(WebhookResult.RETRIED);
            try {
                ctx.scheduler().schedule(() -> attempt(event, body, attempt + 1), delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                ctx.counts().increment(WebhookResult.FAILED);
                goIdle();
            }
            return;
        }
        LOG.warn("webhook {} ({}) to {} failed after {} attempt(s): {}", event.id(), event.event(), url, attempt, why);
        ctx.counts().increment(WebhookResult.FAILED);
        next();
    }

    private boolean submit(Runnable task) {
        try {
            ctx.scheduler().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
