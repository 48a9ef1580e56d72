package dev.onair.server.chat;

import dev.onair.messaging.service.MessagingConfig;
import dev.onair.messaging.service.MessagingService;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.messaging.store.InMemoryModerationStore;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.ModerationStore;
import dev.onair.messaging.store.redis.RedisMessageStore;
import dev.onair.messaging.store.redis.RedisModerationStore;
import dev.onair.messaging.store.redis.RedisStoreOptions;
import dev.onair.server.config.ConfigException;
import dev.onair.server.config.MessagingSettings;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the messaging service from the {@code messaging:} config: the stores (in memory, or Redis when a
 * {@code redisUrl} is set: Redis Streams for history and Redis sets + pub/sub for mutes and bans shared by every node,
 * connected at start, failing fast with a clear message) and the limits.
 */
public final class MessagingBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingBootstrap.class);

    private MessagingBootstrap() {
    }

    /** A started service and its stores; {@link #close} closes the service's connections, then the stores. */
    public record Started(MessagingService service, MessageStore store, ModerationStore moderation)
            implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            try {
                moderation.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the moderation store failed: {}", e.toString());
            }
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the message store failed: {}", e.toString());
            }
        }
    }

    /**
     * @throws ConfigException when the Redis URL cannot be reached
     */
    public static Started start(MessagingSettings s, InstantSource clock) {
        HistoryLimits limits = new HistoryLimits(s.historyMaxMessages(), s.historyMaxAgeSeconds() * 1000L);
        MessageStore store;
        ModerationStore moderation;
        if (s.redisUrl() == null) {
            store = new InMemoryMessageStore(limits, clock);
            moderation = new InMemoryModerationStore();
            LOG.info("messaging: history in memory ({} messages / {} s per room)", limits.maxMessages(),
                    s.historyMaxAgeSeconds());
        } else {
            RedisStoreOptions options = RedisStoreOptions.of(s.redisUrl(), limits)
                    .withRoomIdleTtlMillis(s.roomIdleTtlSeconds() * 1000L);
            try {
                store = RedisMessageStore.connect(options, clock);
            } catch (RuntimeException e) {
                throw new ConfigException("messaging.redisUrl: cannot connect to " + s.redisUrl() + " ("
                        + rootMessage(e) + "); start Redis or remove messaging.redisUrl for in-memory history", e);
            }
            try {
                moderation = RedisModerationStore.connect(options);
            } catch (RuntimeException e) {
                store.close();
                throw new ConfigException("messaging.redisUrl: cannot connect to " + s.redisUrl() + " ("
                        + rootMessage(e) + "); start Redis or remove messaging.redisUrl for in-memory history", e);
            }
            LOG.info("messaging: history, mutes and bans in Redis at {} ({} messages / {} s per room; idle rooms "
                    + "expire after {} s)", s.redisUrl(), limits.maxMessages(), s.historyMaxAgeSeconds(),
                    s.roomIdleTtlSeconds());
        }
        MessagingConfig d = MessagingConfig.DEFAULT;
        MessagingConfig config = new MessagingConfig(s.rateLimitPerSecond(), s.rateLimitBurst(), s.maxOutboundBytes(),
                d.snapshotSize(), d.replayPageSize(), d.maxPendingWhileSyncing(), d.presenceEvents(),
                d.typingMinIntervalMillis());
        return new Started(new MessagingService(store, moderation, clock, config), store, moderation);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
