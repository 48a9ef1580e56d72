package dev.onair.server.chat;

import dev.onair.messaging.service.MessagingConfig;
import dev.onair.messaging.service.MessagingService;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.redis.RedisMessageStore;
import dev.onair.messaging.store.redis.RedisStoreOptions;
import dev.onair.server.config.ConfigException;
import dev.onair.server.config.MessagingSettings;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the messaging service from the {@code messaging:} config: the store (in memory, or Redis Streams when a
 * {@code redisUrl} is set: connected at start, failing fast with a clear message) and the limits.
 */
public final class MessagingBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingBootstrap.class);

    private MessagingBootstrap() {
    }

    /** A started service and its store; {@link #close} closes the service's connections, then the store. */
    public record Started(MessagingService service, MessageStore store) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
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
        if (s.redisUrl() == null) {
            store = new InMemoryMessageStore(limits, clock);
            LOG.info("messaging: history in memory ({} messages / {} s per room)", limits.maxMessages(),
                    s.historyMaxAgeSeconds());
        } else {
            try {
                store = RedisMessageStore.connect(RedisStoreOptions.of(s.redisUrl(), limits), clock);
            } catch (RuntimeException e) {
                throw new ConfigException("messaging.redisUrl: cannot connect to " + s.redisUrl() + " ("
                        + rootMessage(e) + "); start Redis or remove messaging.redisUrl for in-memory history", e);
            }
            LOG.info("messaging: history in Redis at {} ({} messages / {} s per room)", s.redisUrl(),
                    limits.maxMessages(), s.historyMaxAgeSeconds());
        }
        MessagingConfig d = MessagingConfig.DEFAULT;
        MessagingConfig config = new MessagingConfig(s.rateLimitPerSecond(), s.rateLimitBurst(), s.maxOutboundBytes(),
                d.snapshotSize(), d.replayPageSize(), d.maxPendingWhileSyncing(), d.presenceEvents(),
                d.typingMinIntervalMillis());
        return new Started(new MessagingService(store, clock, config), store);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
