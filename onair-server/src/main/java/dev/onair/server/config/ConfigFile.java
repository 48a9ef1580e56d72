package dev.onair.server.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The YAML configuration file as written: every field optional (null = not set). Keys are camelCase
 * ({@code httpPort}); the CLI spelling ({@code http-port}) is accepted too. Unknown keys are refused so that
 * a typo does not silently fall back to a default.
 *
 * <pre>
 * httpPort: 8080
 * mediaPort: 10000
 * announceIps: [203.0.113.7]
 * maxSessions: 500
 * keys:
 *   prod1: "a-random-secret-of-at-least-32-bytes....."
 * webhooks:
 *   urls: [https://example.com/onair-hook]
 *   key: prod1            # whose secret signs the webhooks; default: the first key (dev key in dev mode)
 *   timeoutMillis: 5000   # optional
 *   maxAttempts: 5        # optional
 *   queueSize: 10000      # optional
 * rooms:                  # every key optional; defaults in RoomConfig
 *   emptyTimeoutSeconds: 20
 *   resumeWindowSeconds: 30
 *   maxVideoPerSubscriber: 9
 * recorder:               # every key optional; defaults in RecorderConfig
 *   enabled: true
 *   windowSeconds: 60
 *   packetCapacity: 30000
 *   controlCapacity: 8192
 *   dumpDirectory: /var/tmp/onair-dumps
 *   autoDump: true
 *   autoDumpMinIntervalSeconds: 60
 *   autoDumpTier: poor     # poor (poor or lost), lost, or none
 *   autoDumpMosBelow: 3.0
 *   autoDumpKeep: 100      # newest automatic dumps kept in dumpDirectory; older ones are deleted
 * quality:
 *   intervalSeconds: 3
 * messaging:              # every key optional; defaults in MessagingSettings
 *   redisUrl: redis://127.0.0.1:6379   # absent: history in memory (one node)
 *   historyMaxMessages: 1000
 *   historyMaxAgeSeconds: 86400
 *   rateLimitPerSecond: 5
 *   rateLimitBurst: 10
 *   maxOutboundBytes: 1048576
 * </pre>
 */
public record ConfigFile(
        @JsonAlias("http-port") Integer httpPort,
        @JsonAlias("media-port") Integer mediaPort,
        @JsonAlias({"announce-ip", "announceIp", "announce-ips"}) List<String> announceIps,
        Map<String, String> keys,
        @JsonAlias("max-sessions") Integer maxSessions,
        Webhooks webhooks,
        Rooms rooms,
        Recorder recorder,
        Quality quality,
        Messaging messaging) {

    /** The {@code webhooks:} section as written; every field optional. */
    public record Webhooks(
            List<String> urls,
            String key,
            @JsonAlias("timeout-millis") Integer timeoutMillis,
            @JsonAlias("max-attempts") Integer maxAttempts,
            @JsonAlias("queue-size") Integer queueSize) {
    }

    /** The {@code rooms:} section as written; every field optional (see {@link RoomConfig}). */
    public record Rooms(
            @JsonAlias("empty-timeout-seconds") Integer emptyTimeoutSeconds,
            @JsonAlias("resume-window-seconds") Integer resumeWindowSeconds,
            @JsonAlias("max-video-per-subscriber") Integer maxVideoPerSubscriber) {
    }

    /** The {@code recorder:} section as written; every field optional (see {@link RecorderConfig}). */
    public record Recorder(
            Boolean enabled,
            @JsonAlias("window-seconds") Integer windowSeconds,
            @JsonAlias("packet-capacity") Integer packetCapacity,
            @JsonAlias("control-capacity") Integer controlCapacity,
            @JsonAlias("dump-directory") String dumpDirectory,
            @JsonAlias("auto-dump") Boolean autoDump,
            @JsonAlias("auto-dump-min-interval-seconds") Integer autoDumpMinIntervalSeconds,
            @JsonAlias("auto-dump-tier") String autoDumpTier,
            @JsonAlias("auto-dump-mos-below") Double autoDumpMosBelow,
            @JsonAlias("auto-dump-keep") Integer autoDumpKeep) {
    }

    /** The {@code quality:} section as written; every field optional (see {@link QualityConfig}). */
    public record Quality(@JsonAlias("interval-seconds") Integer intervalSeconds) {
    }

    /** The {@code messaging:} section as written; every field optional (see {@link MessagingSettings}). */
    public record Messaging(
            @JsonAlias("redis-url") String redisUrl,
            @JsonAlias("history-max-messages") Integer historyMaxMessages,
            @JsonAlias("history-max-age-seconds") Long historyMaxAgeSeconds,
            @JsonAlias("rate-limit-per-second") Double rateLimitPerSecond,
            @JsonAlias("rate-limit-burst") Integer rateLimitBurst,
            @JsonAlias("max-outbound-bytes") Long maxOutboundBytes,
            @JsonAlias("room-idle-ttl-seconds") Long roomIdleTtlSeconds,
            @JsonAlias("write-window-millis") Long writeWindowMillis) {
    }

    /** A file without a {@code messaging:} section. */
    public ConfigFile(Integer httpPort, Integer mediaPort, List<String> announceIps, Map<String, String> keys,
                      Integer maxSessions, Webhooks webhooks, Rooms rooms, Recorder recorder, Quality quality) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, recorder, quality, null);
    }

    /** A file without {@code recorder:} and {@code quality:} sections. */
    public ConfigFile(Integer httpPort, Integer mediaPort, List<String> announceIps, Map<String, String> keys,
                      Integer maxSessions, Webhooks webhooks, Rooms rooms) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, rooms, null, null);
    }

    /** A file without a {@code rooms:} section. */
    public ConfigFile(Integer httpPort, Integer mediaPort, List<String> announceIps, Map<String, String> keys,
                      Integer maxSessions, Webhooks webhooks) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, webhooks, null, null, null);
    }

    /** A file without {@code webhooks:} and {@code rooms:} sections. */
    public ConfigFile(Integer httpPort, Integer mediaPort, List<String> announceIps, Map<String, String> keys,
                      Integer maxSessions) {
        this(httpPort, mediaPort, announceIps, keys, maxSessions, null, null, null, null);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ConfigFile empty() {
        return new ConfigFile(null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads and parses a YAML file; any problem becomes a {@link ConfigException} naming the file. */
    public static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses YAML text; {@code source} names it in error messages. An empty document is an empty config. */
    public static ConfigFile parse(String yaml, String source) {
        if (yaml.isBlank()) {
            return empty();
        }
        try {
            ConfigFile parsed = YAML.readValue(yaml, ConfigFile.class);
            return parsed == null ? empty() : parsed;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException("invalid config file " + source + ": " + msg, e);
        }
    }
}
