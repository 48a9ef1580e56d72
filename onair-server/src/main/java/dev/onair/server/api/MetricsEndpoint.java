package dev.onair.server.api;

import dev.onair.protocol.DropCounts;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.PrometheusWriter;
import dev.onair.server.http.Responses;
import dev.onair.server.http.RouteError;
import dev.onair.server.webhook.WebhookResult;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /metrics} in Prometheus text format 0.0.4. Labels come from fixed sets only (session kind, HTTP
 * status code, route rejection reason), never from rooms or identities.
 */
public final class MetricsEndpoint {
    private final MediaService media;
    private final HttpMetrics http;
    private final DropCounts<RouteError> routeRejections;
    private final DropCounts<WebhookResult> webhooks;

    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections) {
        this(media, http, routeRejections, new DropCounts<>(WebhookResult.class));
    }

    /** With the webhook delivery counters (all zero when no webhooks are configured). */
    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections,
                           DropCounts<WebhookResult> webhooks) {
        this.media = media;
        this.http = http;
        this.routeRejections = routeRejections;
        this.webhooks = webhooks;
    }

    public FullHttpResponse get() {
        return Responses.body(HttpResponseStatus.OK, PrometheusWriter.CONTENT_TYPE,
                render().getBytes(StandardCharsets.UTF_8));
    }

    String render() {
        MediaStatus s = media.status();
        PrometheusWriter w = new PrometheusWriter();
        w.family("onair_rooms", "gauge", "Rooms with at least one session.").sample("onair_rooms", s.rooms());
        w.family("onair_sessions", "gauge", "Live sessions by kind.")
                .sample("onair_sessions", "kind", "publish", s.publishers())
                .sample("onair_sessions", "kind", "subscribe", s.subscribers());
        w.family("onair_sessions_created_total", "counter", "Sessions created since start.")
                .sample("onair_sessions_created_total", s.sessionsCreated());
        w.family("onair_sessions_closed_total", "counter", "Sessions closed since start.")
                .sample("onair_sessions_closed_total", s.sessionsClosed());
        w.family("onair_http_requests_total", "counter", "HTTP responses by status code.");
        for (Map.Entry<Integer, Long> e : http.responsesByCode().entrySet()) {
            w.sample("onair_http_requests_total", "code", Integer.toString(e.getKey()), e.getValue());
        }
        w.family("onair_http_rejected_paths_total", "counter", "Request paths rejected by the router, by reason.");
        for (RouteError reason : RouteError.values()) {
            w.sample("onair_http_rejected_paths_total", "reason", reason.name().toLowerCase(Locale.ROOT),
                    routeRejections.get(reason));
        }
        w.family("onair_media_port_drops_total", "counter",
                "Datagrams on the media port that no transport took (RFC 7983 class unknown, unknown peer, ...), by reason.");
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(s.demuxDrops()).entrySet()) {
            w.sample("onair_media_port_drops_total", "reason",
                    e.getKey().substring(e.getKey().indexOf('.') + 1).toLowerCase(Locale.ROOT), e.getValue());
        }
        w.family("onair_webhook_deliveries_total", "counter",
                "Webhook deliveries per event and URL by result; retried counts extra attempts.");
        for (WebhookResult result : WebhookResult.values()) {
            w.sample("onair_webhook_deliveries_total", "result", result.name().toLowerCase(Locale.ROOT),
                    webhooks.get(result));
        }
        return w.toString();
    }
}
