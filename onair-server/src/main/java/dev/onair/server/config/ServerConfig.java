package dev.onair.server.config;

import dev.onair.sfu.room.RoomPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated server configuration. An empty {@code keys} map means <em>dev mode</em>: the single key
 * {@value #DEV_KEY_ID} with secret {@link #DEV_SECRET} signs and verifies tokens, and the dev token endpoint is on.
 *
 * @param httpPort    TCP port for HTTP (0 = pick a free one)
 * @param mediaPort   UDP port for media (0 = pick a free one)
 * @param announceIps addresses put into ICE candidates, never empty after {@link ConfigResolver}
 * @param keys        API key id to HMAC secret (each secret at least {@value #MIN_SECRET_BYTES} bytes of UTF-8)
 * @param maxSessions session limit enforced by the media service
 * @param webhooks    webhook URLs and settings ({@link WebhookConfig#none()} = off); its key must be configured
 * @param rooms       room empty timeout, resume window and video cap
 * @param recorder    the flight recorder and its automatic dumps
 * @param qualityIntervalMillis how often {@code connection_quality} events go to each room
 * @param messaging   the {@code /chat} messaging service: store (memory or Redis), history, limits
 */
public record ServerConfig(int httpPort, int mediaPort, List<String> announceIps, Map<String, String> keys,
                           int maxSessions, WebhookConfig webhooks, RoomPolicy rooms, RecorderConfig recorder,
                           long qualityIntervalMillis, MessagingSettings messaging) {

    public static final String DEV_KEY_ID = "devkey";
    public static final String DEV_SECRET = "onair-dev-secret-0123456789abcdef";
    public static final int MIN_SECRET_BYTES = 32;
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_MEDIA_PORT = 10000;
    public static final int DEFAULT_MAX_SESSIONS = 500;

    public ServerConfig {
        checkPort("httpPort", httpPort);
        checkPort("mediaPort", mediaPort);
        if (maxSessions < 1) {
            throw new ConfigException("maxSessions must be at least 1, got " + maxSessions);
        }
        announceIps = List.copyOf(announceIps == null ? List.of() : announceIps);
        Map<String, String> copy = new LinkedHashMap<>();
        if (keys != null) {
            for (Map.Entry<String, String> e : keys.entrySet()) {
                checkKey(e.getKey(), e.getValue());
                copy.put(e.getKey(), e.getValue());
            }
        }
        keys = Collections.unmodifiableMap(copy);
        webhooks = webhooks == null ? WebhookConfig.none() : webhooks;
        rooms = rooms == null ? RoomPolicy.DEFAULT : rooms;
        recorder = recorder == null ? RecorderConfig.defaults() : recorder;
        messaging = messaging == null ? MessagingSettings.defaults() : messaging;
        if (qualityIntervalMillis < 1) {
            throw new ConfigException("quality interval must be positive, got " + qualityIntervalMillis + " ms");
        }
        String hookKey = webhooks.keyId();
        if (hookKey != null && !(copy.isEmpty() ? DEV_KEY_ID.equals(hookKey) : copy.containsKey(hookKey))) {
            throw new ConfigException("webhooks.key: '" + hookKey + "' is not one of the configured keys "
                    + (copy.isEmpty() ? "[" + DEV_KEY_ID + "] (dev mode)" : copy.keySet()));
        }
    }

    /** With the default messaging settings. */
    public ServerConfig(int httpPort, int mediaPort, List<String> announceIps, Map<String, String> keys,
                        int maxSessions, WebhookConfig webhooks, RoomPolicy rooms, RecorderConfig recorder,
                        long qualityIntervalMillis) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, recorder, qualityIntervalMillis,
                MessagingSettings.defaults());
    }

    /** With the default recorder and quality interval. */
    public ServerConfig(int httpPort, int mediaPort, List<String> announceIps, Map<String, String> keys,
                        int maxSessions, WebhookConfig webhooks, RoomPolicy rooms) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, RecorderConfig.defaults(),
                QualityConfig.DEFAULT_INTERVAL_SECONDS * 1000L);
    }

    /** With the default room policy. */
    public ServerConfig(int httpPort, int mediaPort, List<String> announceIps, Map<String, String> keys,
                        int maxSessions, WebhookConfig webhooks) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, RoomPolicy.DEFAULT);
    }

    /** Without webhooks (the shape before webhooks existed). */
    public ServerConfig(int httpPort, int mediaPort, List<String> announceIps, Map<String, String> keys,
                        int maxSessions) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, WebhookConfig.none());
    }

    /** Defaults for everything, dev mode, no announce addresses (tests and programmatic use). */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HTTP_PORT, DEFAULT_MEDIA_PORT, List.of(), Map.of(), DEFAULT_MAX_SESSIONS);
    }

    /** True when no keys are configured: the dev key is used and the dev token endpoint is on. */
    public boolean devMode() {
        return keys.isEmpty();
    }

    /** The keys tokens are verified with: the configured ones, or the dev key in dev mode. */
    public Map<String, String> effectiveKeys() {
        return devMode() ? Map.of(DEV_KEY_ID, DEV_SECRET) : keys;
    }

    /** The key id new tokens are signed with: the first configured key, or the dev key. */
    public String signingKeyId() {
        return devMode() ? DEV_KEY_ID : keys.keySet().iterator().next();
    }

    /** The secret that signs webhook bodies: the webhook key's, or the token signing key's when none is named. */
    public String webhookSecret() {
        String id = webhooks.keyId() != null ? webhooks.keyId() : signingKeyId();
        return effectiveKeys().get(id);
    }

    public ServerConfig withPorts(int newHttpPort, int newMediaPort) {
        return new ServerConfig(newHttpPort, newMediaPort, announceIps, keys, maxSessions, webhooks, rooms, recorder,
                qualityIntervalMillis, messaging);
    }

    public ServerConfig withKeys(Map<String, String> newKeys) {
        return new ServerConfig(httpPort, mediaPort, announceIps, newKeys, maxSessions, webhooks, rooms, recorder,
                qualityIntervalMillis, messaging);
    }

    public ServerConfig withWebhooks(WebhookConfig newWebhooks) {
        return new ServerConfig(httpPort, mediaPort, announceIps, keys, maxSessions, newWebhooks, rooms, recorder,
                qualityIntervalMillis, messaging);
    }

    public ServerConfig withRooms(RoomPolicy newRooms) {
        return new ServerConfig(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, newRooms, recorder,
                qualityIntervalMillis, messaging);
    }

    public ServerConfig withRecorder(RecorderConfig newRecorder) {
        return new ServerConfig(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, newRecorder,
                qualityIntervalMillis, messaging);
    }

    public ServerConfig withQualityIntervalMillis(long newIntervalMillis) {
        return new ServerConfig(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, recorder,
                newIntervalMillis, messaging);
    }

    public ServerConfig withMessaging(MessagingSettings newMessaging) {
        return new ServerConfig(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, recorder,
                qualityIntervalMillis, newMessaging);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(name + " must be between 0 and 65535, got " + port);
        }
    }

    private static void checkKey(String keyId, String secret) {
        if (keyId == null || keyId.isBlank()) {
            throw new ConfigException("keys: a key id is empty");
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigException("keys: the secret of key '" + keyId + "' is shorter than "
                    + MIN_SECRET_BYTES + " bytes; use a random secret of at least 32 bytes");
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[httpPort=" + httpPort + ", mediaPort=" + mediaPort + ", announceIps=" + announceIps
                + ", keyIds=" + keys.keySet() + ", maxSessions=" + maxSessions + ", webhooks=" + webhooks
                + ", rooms=" + rooms + ", recorder=" + recorder + ", qualityIntervalMillis=" + qualityIntervalMillis
                + "]";
    }
}
