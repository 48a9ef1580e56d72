package dev.onair.messaging.service;

import static dev.onair.messaging.service.ClientFrames.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.messaging.store.Eventually;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.TestClock;
import dev.onair.messaging.store.redis.RedisMessageStore;
import dev.onair.messaging.store.redis.RedisServerExtension;
import dev.onair.messaging.store.redis.RedisStoreOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room whose Redis keys vanish (FLUSHALL) while connections are in it: the next message starts a new epoch, and each
 * connection gets what a resume from the old epoch gets ({@code resumed}, {@code recovered: false}, the new epoch and
 * a snapshot), then the new log's messages live. Polled with a deadline.
 */
class WipedRoomTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final TestClock clock = new TestClock();
    private final RedisMessageStore store = RedisMessageStore.connect(
            RedisStoreOptions.of(REDIS.url(), HistoryLimits.DEFAULT).withTailBlockMillis(500), clock);
    private final MessagingService service =
            new MessagingService(store, clock, MessagingConfig.DEFAULT.withPresenceEvents(false));

    @AfterEach
    void tearDown() {
        service.close();
        store.close();
    }

    @Test
    void connectionsInAWipedRoomResyncToTheNewEpochAsNotRecovered() {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, "lobby");
        Session b = service.join(bob, "lobby");
        assertThat(Eventually.holds(() -> a.isSynced() && b.isSynced(), DEADLINE)).isTrue();
        for (int i = 1; i <= 3; i++) {
            a.onFrame(chat("old" + i));
        }
        assertThat(Eventually.holds(() -> bob.msgs().size() == 3, DEADLINE)).isTrue();
        long oldEpoch = bob.msgs().get(0).get("epoch").longValue();

        RedisClient raw = RedisClient.create(REDIS.url());
        try (var c = raw.connect()) {
            c.sync().flushall();
        } finally {
            raw.shutdown();
        }
        bob.clear();
        a.onFrame(chat("new1"));
        assertThat(Eventually.holds(() -> bob.ofType("resumed").size() == 1 && !bob.msgs().isEmpty(), DEADLINE))
                .isTrue();
        JsonNode resumed = bob.ofType("resumed").get(0);
        assertThat(resumed.get("recovered").booleanValue()).isFalse();
        long newEpoch = resumed.get("epoch").longValue();
        assertThat(newEpoch).isNotEqualTo(oldEpoch);
        a.onFrame(chat("new2"));
        assertThat(Eventually.holds(() -> bob.msgs().size() == 2, DEADLINE)).isTrue();
        List<JsonNode> msgs = bob.msgs();
        assertThat(msgs).extracting(m -> m.get("seq").longValue()).containsExactly(1L, 2L);
        assertThat(msgs).extracting(m -> m.get("epoch").longValue()).containsOnly(newEpoch);
        assertThat(bob.closedWith()).isNull();
    }
}
