package dev.onair.server.webhook;

import dev.onair.protocol.DropCounts;
import dev.onair.server.config.WebhookConfig;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import dev.onair.transport.clock.MediaClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link RoomEvent}s into signed webhook POSTs. {@link #onEvent} runs on the media loop and only maps the
 * event and offers it to each URL's bounded {@link EndpointDelivery} queue; a full queue drops and counts. Active
 * speaker changes are not sent. {@link #close()} stops taking events, waits at most {@code drain} for the queues
 * to empty, then drops what is left.
 */
public final class WebhookSender implements RoomEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    /** How long {@link #close()} waits for queued webhooks in production. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(2);

    /**
     * What a sender runs on.
     *
     * @param transport sends the requests
     * @param scheduler runs every delivery step and the retry delays
     * @param backoff   retry delays
     * @param clock     wall time for {@code Onair-Timestamp}
     * @param ids       event ids (random UUIDs in production)
     * @param drain     the longest {@link #close()} waits for queued webhooks
     */
    public record Runtime(WebhookTransport transport, ScheduledExecutorService scheduler, Backoff backoff,
                          MediaClock clock, Supplier<String> ids, Duration drain) {
    }

    private final List<EndpointDelivery> deliveries = new ArrayList<>();
    private final Runtime runtime;
    private final DropCounts<WebhookResult> counts;
    private final boolean ownsRuntime;
    private volatile boolean closed;

    /** A sender on a given runtime; {@link #close()} leaves the runtime's scheduler and transport running. */
    public WebhookSender(WebhookConfig cfg, String secret, Runtime runtime, DropCounts<WebhookResult> counts) {
        this(cfg, secret, runtime, counts, false);
    }

    private WebhookSender(WebhookConfig cfg, String secret, Runtime runtime, DropCounts<WebhookResult> counts,
                          boolean ownsRuntime) {
        this.runtime = runtime;
        this.counts = counts;
        this.ownsRuntime = ownsRuntime;
        EndpointDelivery.Context ctx = new EndpointDelivery.Context(runtime.transport(), runtime.scheduler(),
                runtime.backoff(), runtime.clock(), secret, Duration.ofMillis(cfg.timeoutMillis()),
                cfg.maxAttempts(), counts);
        for (String url : cfg.urls()) {
            deliveries.add(new EndpointDelivery(URI.create(url), cfg.queueSize(), ctx));
        }
    }

    /**
     * The production sender: its own single scheduler thread, the JDK HTTP client, the default backoff with
     * {@link SecureRandom} jitter, the system clock, random UUIDs; {@link #close()} stops them.
     */
    public static WebhookSender start(WebhookConfig cfg, String secret, DropCounts<WebhookResult> counts) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-webhooks");
            t.setDaemon(true);
            return t;
        });
        Runtime runtime = new Runtime(new JdkWebhookTransport(Duration.ofMillis(cfg.timeoutMillis())), scheduler,
                new Backoff(Backoff.DEFAULT_BASE_MILLIS, Backoff.DEFAULT_MAX_MILLIS, new SecureRandom()),
                MediaClock.system(), () -> UUID.randomUUID().toString(), DEFAULT_DRAIN);
        return new WebhookSender(cfg, secret, runtime, counts, true);
    }

    @Override
    public void onEvent(RoomEvent event) {
        if (closed || event instanceof RoomEvent.ActiveSpeakersChanged) {
            return;
        }
        Optional<WebhookEvent> hook = WebhookEvent.from(event, runtime.ids().get());
        if (hook.isEmpty()) {
            return;
        }
        for (EndpointDelivery d : deliveries) {
            d.offer(hook.get());
        }
    }

    /** The delivery counters (shared with {@code /metrics}). */
    public DropCounts<WebhookResult> counts() {
        return counts;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<?>[] idle = deliveries.stream().map(EndpointDelivery::whenIdle)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(idle).get(runtime.drain().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("webhooks not drained within {} ms; dropping the rest", runtime.drain().toMillis());
        } catch (ExecutionException e) {
            LOG.warn("webhook drain failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (EndpointDelivery d : deliveries) {
            d.discardQueued();
        }
        if (ownsRuntime) {
            runtime.scheduler().shutdownNow();
            runtime.transport().close();
        }
    }
}
