package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.MessageStoreContract;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link MessageStore} contract against a real redis-server; each store gets its own key prefix. */
class RedisMessageStoreTest extends MessageStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final java.util.Map<MessageStore, String> prefixOf = new java.util.IdentityHashMap<>();

    @Override
    protected MessageStore newStore(HistoryLimits limits, InstantSource clock) {
        String prefix = "contract" + PREFIXES.incrementAndGet() + ":";
        RedisMessageStore s = RedisMessageStore.connect(
                RedisStoreOptions.of(REDIS.url(), limits).withKeyPrefix(prefix), clock);
        prefixOf.put(s, prefix);
        return s;
    }

    @Override
    protected MessageStore secondNodeStore(MessageStore first, HistoryLimits limits, InstantSource clock) {
        return RedisMessageStore.connect(RedisStoreOptions.of(REDIS.url(), limits)
                .withKeyPrefix(prefixOf.get(first)).withEpochSeed(2), clock);
    }
}
