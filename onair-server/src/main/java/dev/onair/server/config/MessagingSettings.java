package dev.onair.server.config;

import java.net.URI;

/**
 * The {@code messaging:} section (issue 6, the {@code /chat} socket), validated.
 *
 * @param redisUrl             {@code redis://host:port[/db]} (or {@code rediss://}); null = history in memory (one node)
 * @param historyMaxMessages   messages kept per room
 * @param historyMaxAgeSeconds how long a message stays in history
 * @param rateLimitPerSecond   messages per second per identity per room (token bucket refill)
 * @param rateLimitBurst       the bucket's size
 * @param maxOutboundBytes     a connection's frames not yet written, at most (a slow consumer is closed with 4429)
 * @param roomIdleTtlSeconds   with Redis: a room's keys (history, sequence, epoch, mutes and bans) expire after this
 *                             long without an append (default history age + 1 h)
 * @param writeWindowMillis    a {@code /chat} socket written less than this long ago gets its next frames at the
 *                             window's end, together (0: every batch at once); see {@code ChatOutbox}
 */
public record MessagingSettings(String redisUrl, int historyMaxMessages, long historyMaxAgeSeconds,
                                double rateLimitPerSecond, int rateLimitBurst, long maxOutboundBytes,
                                long roomIdleTtlSeconds, long writeWindowMillis) {
    public static final int DEFAULT_HISTORY_MAX_MESSAGES = 1_000;
    public static final long DEFAULT_HISTORY_MAX_AGE_SECONDS = 86_400;
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 5;
    public static final int DEFAULT_RATE_LIMIT_BURST = 10;
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 1L << 20;
    static final int MAX_HISTORY_MESSAGES = 1_000_000;
    static final long MAX_HISTORY_AGE_SECONDS = 365L * 86_400;
    static final long MIN_OUTBOUND_BYTES = 16 * 1024;
    static final long MAX_OUTBOUND_BYTES = 1L << 30;
    public static final long DEFAULT_IDLE_MARGIN_SECONDS = 3_600;
    static final long MAX_ROOM_IDLE_TTL_SECONDS = 10L * 365 * 86_400;
    /**
     * 50 ms: in the chat benchmark (1,000 sockets in one room, 200 msg/s, clients and server on 2 cores) 20 ms gave a
     * p99 of 120-170 ms, 40 ms 97 ms, 50 ms 81 ms, 60 ms 85-87 ms and 100 ms 132 ms: fewer, larger writes cost less
     * CPU (about half of it is the kernel's loopback TCP) until the window itself dominates. A socket getting fewer
     * than 20 frames a second is written at once.
     */
    public static final long DEFAULT_WRITE_WINDOW_MILLIS = 50;
    static final long MAX_WRITE_WINDOW_MILLIS = 1_000;

    public MessagingSettings {
        if (redisUrl != null) {
            checkRedisUrl(redisUrl);
        }
        if (historyMaxMessages < 1 || historyMaxMessages > MAX_HISTORY_MESSAGES) {
            throw new ConfigException("messaging.historyMaxMessages must be between 1 and " + MAX_HISTORY_MESSAGES
                    + ", got " + historyMaxMessages);
        }
        if (historyMaxAgeSeconds < 1 || historyMaxAgeSeconds > MAX_HISTORY_AGE_SECONDS) {
            throw new ConfigException("messaging.historyMaxAgeSeconds must be between 1 and "
                    + MAX_HISTORY_AGE_SECONDS + ", got " + historyMaxAgeSeconds);
        }
        if (!(rateLimitPerSecond > 0) || Double.isInfinite(rateLimitPerSecond)) {
            throw new ConfigException("messaging.rateLimitPerSecond must be a positive number, got "
                    + rateLimitPerSecond);
        }
        if (rateLimitBurst < 1) {
            throw new ConfigException("messaging.rateLimitBurst must be at least 1, got " + rateLimitBurst);
        }
        if (maxOutboundBytes < MIN_OUTBOUND_BYTES || maxOutboundBytes > MAX_OUTBOUND_BYTES) {
            throw new ConfigException("messaging.maxOutboundBytes must be between " + MIN_OUTBOUND_BYTES + " (one "
                    + "largest frame) and " + MAX_OUTBOUND_BYTES + ", got " + maxOutboundBytes);
        }
        if (roomIdleTtlSeconds < 1 || roomIdleTtlSeconds > MAX_ROOM_IDLE_TTL_SECONDS) {
            throw new ConfigException("messaging.roomIdleTtlSeconds must be between 1 and "
                    + MAX_ROOM_IDLE_TTL_SECONDS + ", got " + roomIdleTtlSeconds);
        }
        if (writeWindowMillis < 0 || writeWindowMillis > MAX_WRITE_WINDOW_MILLIS) {
            throw new ConfigException("messaging.writeWindowMillis must be between 0 and " + MAX_WRITE_WINDOW_MILLIS
                    + ", got " + writeWindowMillis);
        }
    }

    /** With the default room idle TTL (history age + {@value #DEFAULT_IDLE_MARGIN_SECONDS} s). */
    public MessagingSettings(String redisUrl, int historyMaxMessages, long historyMaxAgeSeconds,
                             double rateLimitPerSecond, int rateLimitBurst, long maxOutboundBytes) {
        this(redisUrl, historyMaxMessages, historyMaxAgeSeconds, rateLimitPerSecond, rateLimitBurst, maxOutboundBytes,
                historyMaxAgeSeconds + DEFAULT_IDLE_MARGIN_SECONDS, DEFAULT_WRITE_WINDOW_MILLIS);
    }

    /** With the default write window. */
    public MessagingSettings(String redisUrl, int historyMaxMessages, long historyMaxAgeSeconds,
                             double rateLimitPerSecond, int rateLimitBurst, long maxOutboundBytes,
                             long roomIdleTtlSeconds) {
        this(redisUrl, historyMaxMessages, historyMaxAgeSeconds, rateLimitPerSecond, rateLimitBurst, maxOutboundBytes,
                roomIdleTtlSeconds, DEFAULT_WRITE_WINDOW_MILLIS);
    }

    public static MessagingSettings defaults() {
        return new MessagingSettings(null, DEFAULT_HISTORY_MAX_MESSAGES, DEFAULT_HISTORY_MAX_AGE_SECONDS,
                DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_RATE_LIMIT_BURST, DEFAULT_MAX_OUTBOUND_BYTES);
    }

    /** The section as written (null = defaults); every key optional. */
    public static MessagingSettings from(ConfigFile.Messaging section) {
        if (section == null) {
            return defaults();
        }
        String url = section.redisUrl() == null || section.redisUrl().isBlank() ? null : section.redisUrl().trim();
        long ageSeconds = section.historyMaxAgeSeconds() != null ? section.historyMaxAgeSeconds()
                : DEFAULT_HISTORY_MAX_AGE_SECONDS;
        return new MessagingSettings(url,
                section.historyMaxMessages() != null ? section.historyMaxMessages() : DEFAULT_HISTORY_MAX_MESSAGES,
                ageSeconds,
                section.rateLimitPerSecond() != null ? section.rateLimitPerSecond() : DEFAULT_RATE_LIMIT_PER_SECOND,
                section.rateLimitBurst() != null ? section.rateLimitBurst() : DEFAULT_RATE_LIMIT_BURST,
                section.maxOutboundBytes() != null ? section.maxOutboundBytes() : DEFAULT_MAX_OUTBOUND_BYTES,
                section.roomIdleTtlSeconds() != null ? section.roomIdleTtlSeconds()
                        : ageSeconds + DEFAULT_IDLE_MARGIN_SECONDS,
                section.writeWindowMillis() != null ? section.writeWindowMillis() : DEFAULT_WRITE_WINDOW_MILLIS);
    }

    public MessagingSettings withRedisUrl(String url) {
        return new MessagingSettings(url, historyMaxMessages, historyMaxAgeSeconds, rateLimitPerSecond,
                rateLimitBurst, maxOutboundBytes, roomIdleTtlSeconds, writeWindowMillis);
    }

    public MessagingSettings withRateLimit(double perSecond, int burst) {
        return new MessagingSettings(redisUrl, historyMaxMessages, historyMaxAgeSeconds, perSecond, burst,
                maxOutboundBytes, roomIdleTtlSeconds, writeWindowMillis);
    }

    public MessagingSettings withMaxOutboundBytes(long bytes) {
        return new MessagingSettings(redisUrl, historyMaxMessages, historyMaxAgeSeconds, rateLimitPerSecond,
                rateLimitBurst, bytes, roomIdleTtlSeconds, writeWindowMillis);
    }

    /** New history limits; the room idle TTL becomes the new age + {@value #DEFAULT_IDLE_MARGIN_SECONDS} s. */
    public MessagingSettings withHistory(int maxMessages, long maxAgeSeconds) {
        return new MessagingSettings(redisUrl, maxMessages, maxAgeSeconds, rateLimitPerSecond, rateLimitBurst,
                maxOutboundBytes, maxAgeSeconds + DEFAULT_IDLE_MARGIN_SECONDS, writeWindowMillis);
    }

    public MessagingSettings withRoomIdleTtlSeconds(long seconds) {
        return new MessagingSettings(redisUrl, historyMaxMessages, historyMaxAgeSeconds, rateLimitPerSecond,
                rateLimitBurst, maxOutboundBytes, seconds, writeWindowMillis);
    }

    public MessagingSettings withWriteWindowMillis(long millis) {
        return new MessagingSettings(redisUrl, historyMaxMessages, historyMaxAgeSeconds, rateLimitPerSecond,
                rateLimitBurst, maxOutboundBytes, roomIdleTtlSeconds, millis);
    }

    private static void checkRedisUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("messaging.redisUrl is not a URL: " + url);
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new ConfigException("messaging.redisUrl must start with redis:// or rediss://, got " + url);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ConfigException("messaging.redisUrl names no host: " + url);
        }
    }
}
