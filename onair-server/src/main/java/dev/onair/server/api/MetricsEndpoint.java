package dev.onair.server.api;

import dev.onair.protocol.DropCounts;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.PrometheusWriter;
import dev.onair.server.http.Responses;
import dev.onair.server.http.RouteError;
import dev.onair.server.lab.DumpResult;
import dev.onair.server.report.SessionScoring;
import dev.onair.server.report.TierAssessor;
import dev.onair.server.report.TierCounts;
import dev.onair.server.rtc.MessageRejection;
import dev.onair.server.rtc.RejectedMessages;
import dev.onair.server.webhook.WebhookResult;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /metrics} in Prometheus text format 0.0.4. Labels come from fixed sets (session kind, HTTP status
 * code, route rejection reason), never from identities; the per-room gauges name at most
 * {@link #MAX_ROOM_LABELS} rooms (those with the most participants, ties by name) and add up the rest under
 * {@code room="other"}, so the number of series stays bounded however many rooms exist.
 */
public final class MetricsEndpoint {
    /** Rooms named in per-room labels; the others are aggregated as {@link #OTHER_ROOMS}. */
    public static final int MAX_ROOM_LABELS = 100;
    /** The label value of the aggregated rooms. */
    public static final String OTHER_ROOMS = "other";
    private static final SessionScoring SCORING = SessionScoring.withDefaults();
    private final MediaService media;
    private final HttpMetrics http;
    private final DropCounts<RouteError> routeRejections;
    private final DropCounts<WebhookResult> webhooks;
    private final TierCounts tiers;
    private final DropCounts<DumpResult> dumps;
    private final RejectedMessages rtcRejections;
    private final List<java.util.function.Consumer<PrometheusWriter>> sections =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections) {
        this(media, http, routeRejections, new DropCounts<>(WebhookResult.class));
    }

    /** With the webhook delivery counters (all zero when no webhooks are configured). */
    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections,
                           DropCounts<WebhookResult> webhooks) {
        this(media, http, routeRejections, webhooks, new TierCounts());
    }

    /** With the participants' connection tiers ({@code tiers} must listen to the media service's room events). */
    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections,
                           DropCounts<WebhookResult> webhooks, TierCounts tiers) {
        this(media, http, routeRejections, webhooks, tiers, new DropCounts<>(DumpResult.class));
    }

    /** With the automatic flight-recorder dumps' counters (all zero when automatic dumps are off). */
    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections,
                           DropCounts<WebhookResult> webhooks, TierCounts tiers, DropCounts<DumpResult> dumps) {
        this(media, http, routeRejections, webhooks, tiers, dumps, new RejectedMessages());
    }

    /** With the signalling's refused {@code client_stats} and {@code track_view} messages (the hub's counters). */
    public MetricsEndpoint(MediaService media, HttpMetrics http, DropCounts<RouteError> routeRejections,
                           DropCounts<WebhookResult> webhooks, TierCounts tiers, DropCounts<DumpResult> dumps,
                           RejectedMessages rtcRejections) {
        this.rtcRejections = rtcRejections;
        this.dumps = dumps;
        this.tiers = tiers;
        this.media = media;
        this.http = http;
        this.routeRejections = routeRejections;
        this.webhooks = webhooks;
    }

    /** Adds families written after the built-in ones (e.g. the {@code /chat} messaging counters). */
    public void addSection(java.util.function.Consumer<PrometheusWriter> section) {
        sections.add(section);
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
        roomGauges(w, s);
        w.family("onair_participants_by_tier", "gauge",
                "Participants by their latest connection tier (excellent, good, poor, lost); unknown tiers are not counted.");
        tiers.counts().forEach((tier, n) -> w.sample("onair_participants_by_tier", "tier",
                TierAssessor.wireName(tier), n));
        w.family("onair_recorder_dumps_total", "counter",
                "Automatic flight-recorder dumps (quality below the threshold) by result: written or failed.");
        for (DumpResult result : DumpResult.values()) {
            w.sample("onair_recorder_dumps_total", "result", result.name().toLowerCase(Locale.ROOT),
                    dumps.get(result));
        }
        w.family("onair_rtc_rejected_messages_total", "counter",
                "Signalling messages refused, by type (client_stats, track_view) and reason (too_large, malformed, refused).");
        for (MessageRejection reason : MessageRejection.values()) {
            String label = reason.name().toLowerCase(Locale.ROOT);
            w.sample("onair_rtc_rejected_messages_total", "type", "client_stats", "reason", label,
                    rtcRejections.clientStats().get(reason));
            w.sample("onair_rtc_rejected_messages_total", "type", "track_view", "reason", label,
                    rtcRejections.trackViews().get(reason));
        }
        for (java.util.function.Consumer<PrometheusWriter> section : sections) {
            section.accept(w);
        }
        return w.toString();
    }

    /** One room's (or the aggregate's) gauges. */
    private record RoomRow(String label, int participants, int publishers, int subscribers, double mosSum,
                           int mosCount) {
        RoomRow plus(RoomRow o) {
            return new RoomRow(label, participants + o.participants, publishers + o.publishers,
                    subscribers + o.subscribers, mosSum + o.mosSum, mosCount + o.mosCount);
        }
    }

    private static void roomGauges(PrometheusWriter w, MediaStatus s) {
        List<MediaStatus.RoomStats> sorted = new ArrayList<>(s.roomStats());
        sorted.sort(Comparator.comparingInt(MediaStatus.RoomStats::participants).reversed()
                .thenComparing(MediaStatus.RoomStats::room));
        List<RoomRow> rows = new ArrayList<>();
        RoomRow other = null;
        RoomRow node = new RoomRow("", 0, 0, 0, 0, 0);
        for (int i = 0; i < sorted.size(); i++) {
            MediaStatus.RoomStats r = sorted.get(i);
            double sum = 0;
            int n = 0;
            for (var sample : r.latestAudio()) {
                Double mos = SCORING.mos(sample);
                if (mos != null) {
                    sum += mos;
                    n++;
                }
            }
            RoomRow row = new RoomRow(i < MAX_ROOM_LABELS ? r.room() : OTHER_ROOMS, r.participants(), r.publishers(),
                    r.subscribers(), sum, n);
            node = node.plus(row);
            if (i < MAX_ROOM_LABELS) {
                rows.add(row);
            } else {
                other = other == null ? row : other.plus(row);
            }
        }
        if (other != null) {
            rows.add(other);
        }
        w.family("onair_room_participants", "gauge", "Participants per room (at most "
                + MAX_ROOM_LABELS + " rooms named, the rest under room=\"other\").");
        rows.forEach(r -> w.sample("onair_room_participants", "room", r.label(), r.participants()));
        w.family("onair_room_publishers", "gauge", "Publisher sessions per room.");
        rows.forEach(r -> w.sample("onair_room_publishers", "room", r.label(), r.publishers()));
        w.family("onair_room_subscribers", "gauge", "Subscriber sessions per room.");
        rows.forEach(r -> w.sample("onair_room_subscribers", "room", r.label(), r.subscribers()));
        w.family("onair_room_mean_mos", "gauge",
                "Mean E-model MOS of the latest sample of every audio track in the room (in and out); absent without one.");
        rows.stream().filter(r -> r.mosCount() > 0)
                .forEach(r -> w.sample("onair_room_mean_mos", "room", r.label(), r.mosSum() / r.mosCount()));
        w.family("onair_participants", "gauge", "Participants on this node.").sample("onair_participants",
                node.participants());
        w.family("onair_mean_mos", "gauge", "Mean MOS of every scored audio track on this node; absent without one.");
        if (node.mosCount() > 0) {
            w.sample("onair_mean_mos", node.mosSum() / node.mosCount());
        }
    }
}
