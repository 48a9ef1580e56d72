package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.TestClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tests of {@link RedisMessageStore} against a real {@code redis-server} share: the server (one per test
 * class), a raw Lettuce connection to look at the keys, a fresh key prefix per test (so tests never see each other's
 * rooms), a manual clock, and the stores a test opened, closed after it.
 */
abstract class RedisStoreFixture {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> rawConnection;
    static RedisCommands<String, String> raw;

    final TestClock clock = new TestClock();
    private final List<RedisMessageStore> opened = new ArrayList<>();
    String prefix;
    RedisKeys keys;

    @BeforeAll
    static void connectRaw() {
        rawClient = RedisClient.create(REDIS.url());
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    @AfterAll
    static void closeRaw() {
        rawConnection.close();
        rawClient.shutdown();
    }

    /** The start of this class's key prefixes (a counter follows). */
    abstract String prefixStem();

    @BeforeEach
    void newPrefix() {
        prefix = prefixStem() + PREFIXES.incrementAndGet() + ":";
        keys = new RedisKeys(prefix);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RedisMessageStore::close);
    }

    /** Connects a store with {@code options} under this test's key prefix and the manual clock; closed after it. */
    RedisMessageStore open(RedisStoreOptions options) {
        RedisMessageStore s = RedisMessageStore.connect(options.withKeyPrefix(prefix), clock);
        opened.add(s);
        return s;
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
