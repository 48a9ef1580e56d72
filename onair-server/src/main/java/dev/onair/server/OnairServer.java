package dev.onair.server;

import dev.onair.protocol.DropCounts;
import dev.onair.server.admin.AdminEndpoint;
import dev.onair.server.admin.AdminRoutes;
import dev.onair.server.admin.ChatAdminEndpoint;
import dev.onair.server.admin.OpenApiEndpoint;
import dev.onair.server.api.DevTokenEndpoint;
import dev.onair.server.api.MetricsEndpoint;
import dev.onair.server.api.StatusEndpoint;
import dev.onair.server.auth.TokenService;
import dev.onair.server.chat.ChatHub;
import dev.onair.server.chat.MessagingBootstrap;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.HttpServer;
import dev.onair.server.http.WebSocketRoute;
import dev.onair.server.http.RouteError;
import dev.onair.server.http.StaticFiles;
import dev.onair.server.lab.AutoDumper;
import dev.onair.server.lab.DumpResult;
import dev.onair.server.report.TierCounts;
import dev.onair.server.rtc.RejectedMessages;
import dev.onair.server.rtc.RtcHub;
import dev.onair.server.webhook.WebhookResult;
import dev.onair.server.webhook.WebhookSender;
import dev.onair.server.whip.SessionEndpoint;
import dev.onair.sfu.api.MediaService;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.tcp.TcpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Onair server: media service plus HTTP. {@link #start(ServerConfig)} is the production entry point
 * (used by {@code onair serve}); tests inject a media service and clock through the package-private factory.
 * When webhook URLs are configured a {@link WebhookSender} listens to the media service's room events.
 * {@link #close()} stops HTTP first, then media, then drains the webhooks briefly; it is idempotent.
 */
public final class OnairServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnairServer.class);
    /** How long an HTTP request waits for the media service before 503. */
    static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(10);

    private final ServerConfig config;
    private final TokenService tokens;
    private final HttpServer http;
    private final MediaBootstrap.Started media;
    /** Null when no webhook URL is configured. */
    private final WebhookSender webhooks;
    /** Null when automatic dumps are off. */
    private final AutoDumper dumper;
    private final MessagingBootstrap.Started messaging;
    /** How long a shutdown waits for the /chat sockets to take their 1001 close frames (unjoined ones are not closed). */
    private static final long SHUTDOWN_CHAT_CLOSE_MILLIS = 1_000;
    private final ChatHub chat;
    private boolean closed;

    private OnairServer(ServerConfig config, TokenService tokens, HttpServer http, MediaBootstrap.Started media,
                        WebhookSender webhooks, AutoDumper dumper, MessagingBootstrap.Started messaging,
                        ChatHub chat) {
        this.messaging = messaging;
        this.chat = chat;
        this.config = config;
        this.tokens = tokens;
        this.http = http;
        this.media = media;
        this.webhooks = webhooks;
        this.dumper = dumper;
    }

    /** Starts the real media service and the HTTP server. */
    public static OnairServer start(ServerConfig cfg) {
        routeJulToSlf4j();
        return start(cfg, MediaBootstrap.start(cfg), Clock.systemUTC(), MEDIA_TIMEOUT);
    }

    /** jitsi-srtp logs through java.util.logging: send it to our Logback configuration (once per JVM). */
    private static synchronized void routeJulToSlf4j() {
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
    }

    /** Test/composition factory: an already started media service, a clock for tokens, the media timeout. */
    static OnairServer start(ServerConfig cfg, MediaBootstrap.Started media, Clock clock, Duration mediaTimeout) {
        if (cfg.devMode()) {
            LOG.warn("""

                    ************************************************************************
                    *  DEV MODE: no API keys configured.                                   *
                    *  Tokens are signed with the PUBLIC dev key '{}' and anyone can  *
                    *  get one from GET /api/v1/dev/token. Do not expose this server.      *
                    *  Configure 'keys:' in a --config file for real use.                  *
                    ************************************************************************""",
                    ServerConfig.DEV_KEY_ID);
        }
        TokenService tokens = new TokenService(cfg.effectiveKeys(), cfg.signingKeyId(), clock);
        HttpMetrics httpMetrics = new HttpMetrics();
        DropCounts<RouteError> rejections = new DropCounts<>(RouteError.class);
        DropCounts<WebhookResult> webhookCounts = new DropCounts<>(WebhookResult.class);
        TierCounts tierCounts = new TierCounts();
        media.media().addListener(tierCounts);
        DropCounts<DumpResult> dumpCounts = new DropCounts<>(DumpResult.class);
        RejectedMessages rtcRejections = new RejectedMessages();
        MessagingBootstrap.Started messaging;
        try {
            messaging = MessagingBootstrap.start(cfg.messaging(), clock);
        } catch (RuntimeException e) {
            closeQuietly(media.closer());
            throw e;
        }
        ChatHub chat = new ChatHub(tokens, messaging.service(), ChatHub.JOIN_TIMEOUT_MILLIS,
                cfg.messaging().writeWindowMillis());
        MetricsEndpoint metrics = new MetricsEndpoint(media.media(), httpMetrics, rejections, webhookCounts,
                tierCounts, dumpCounts, rtcRejections);
        metrics.addSection(chat::writeMetrics);
        ServerRoutes routes = new ServerRoutes(
                new SessionEndpoint(media.media(), tokens),
                new StatusEndpoint(media.media(), tokens, cfg.devMode()),
                metrics,
                new DevTokenEndpoint(tokens, cfg.devMode()),
                new StaticFiles("web", OnairServer.class.getClassLoader()),
                new AdminRoutes(new AdminEndpoint(media.media(), tokens),
                        new ChatAdminEndpoint(messaging.service(), tokens)),
                new OpenApiEndpoint(),
                rejections);
        WebhookSender webhooks = null;
        if (cfg.webhooks().enabled()) {
            webhooks = WebhookSender.start(cfg.webhooks(), cfg.webhookSecret(), webhookCounts);
            media.media().addListener(webhooks);
            LOG.info("webhooks to {}", cfg.webhooks().urls());
        }
        AutoDumper dumper = null;
        if (cfg.recorder().autoDump()) {
            dumper = AutoDumper.start(cfg.recorder(), media.media()::recording, MediaClock.system(), dumpCounts);
            media.media().addListener(dumper);
            LOG.info("flight-recorder dumps to {} when quality drops (tier {} or worse, MOS below {}), at most one "
                    + "per participant every {} s", dumper.directory(), cfg.recorder().autoDumpTier(),
                    cfg.recorder().autoDumpMosBelowMos(), cfg.recorder().autoDumpMinIntervalMillis() / 1000);
        }
        HttpServer http;
        try {
            RtcHub signalling = new RtcHub(tokens, media.media(), RtcHub.JOIN_TIMEOUT_MILLIS,
                    cfg.rooms().resumeWindowMillis() / 1000, rtcRejections);
            http = HttpServer.start(cfg.httpPort(), routes, httpMetrics, mediaTimeout, List.of(
                    new WebSocketRoute(HttpServer.WEBSOCKET_PATH, HttpServer.WEBSOCKET_MAX_FRAME_BYTES,
                            signalling::newHandler),
                    new WebSocketRoute(ChatHub.PATH, ChatHub.DECODER_MAX_FRAME_BYTES, chat::newHandler)));
        } catch (RuntimeException e) {
            closeQuietly(media.closer());
            messaging.close();
            if (webhooks != null) {
                webhooks.close();
            }
            if (dumper != null) {
                dumper.close();
            }
            throw e;
        }
        ServerConfig bound = cfg.withPorts(http.port(), media.mediaPort());
        LOG.info("HTTP listening on http://0.0.0.0:{} (WHIP /whip/{room}, WHEP /whep/{room}; TCP I/O {})", http.port(),
                TcpTransport.name());
        LOG.info("media listening on UDP port {}, ICE candidates {}", media.mediaPort(), media.candidates());
        LOG.info("messaging WebSocket on ws://0.0.0.0:{}{}", http.port(), ChatHub.PATH);
        return new OnairServer(bound, tokens, http, media, webhooks, dumper, messaging, chat);
    }

    /** The bound HTTP port (the real one when configured as 0). */
    public int httpPort() {
        return http.port();
    }

    /** The bound UDP media port. */
    public int mediaPort() {
        return media.mediaPort();
    }

    /** The media service behind this server (for composition and tests, e.g. to drive dynacast). */
    public MediaService media() {
        return media.media();
    }

    /** The configuration with the bound ports filled in. */
    public ServerConfig config() {
        return config;
    }

    public TokenService tokens() {
        return tokens;
    }

    /** The {@code /chat} hub: the messaging service and its counters. */
    public ChatHub chat() {
        return chat;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("stopping: closing HTTP, then media, then webhooks (drained at most {} ms)",
                WebhookSender.DEFAULT_DRAIN.toMillis());
        messaging.service().close(); // every /chat socket gets 1001 before HTTP stops
        try {
            chat.awaitClosed(SHUTDOWN_CHAT_CLOSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        messaging.close();
        closeQuietly(media.closer());
        if (webhooks != null) {
            webhooks.close();
        }
        if (dumper != null) {
            dumper.close();
        }
        LOG.info("stopped");
    }

    private static void closeQuietly(AutoCloseable closer) {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("error while closing media service", e);
        }
    }
}
