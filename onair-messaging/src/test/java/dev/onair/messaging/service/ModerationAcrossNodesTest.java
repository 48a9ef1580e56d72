package dev.onair.messaging.service;

import static dev.onair.messaging.service.ClientFrames.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.Eventually;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.TestClock;
import dev.onair.messaging.store.redis.RedisMessageStore;
import dev.onair.messaging.store.redis.RedisModerationStore;
import dev.onair.messaging.store.redis.RedisServerExtension;
import dev.onair.messaging.store.redis.RedisStoreOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes in one JVM (two services, each with its own Redis message and moderation stores) on one real Redis: a mute
 * or ban made through either holds on both, a ban closes the identity's connections on the other node and refuses
 * its joins there, and lifting either works on both. Polled with a deadline (pub/sub and tails are asynchronous).
 */
class ModerationAcrossNodesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static final String ROOM = "lobby";
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static int prefixes;

    private final TestClock clock = new TestClock();
    private RedisMessageStore storeA;
    private RedisMessageStore storeB;
    private RedisModerationStore moderationA;
    private RedisModerationStore moderationB;
    private MessagingService nodeA;
    private MessagingService nodeB;

    @BeforeEach
    void startNodes() {
        RedisStoreOptions options = RedisStoreOptions.of(REDIS.url(), HistoryLimits.DEFAULT)
                .withKeyPrefix("nodes" + (++prefixes) + ":");
        MessagingConfig config = MessagingConfig.DEFAULT.withPresenceEvents(false);
        storeA = RedisMessageStore.connect(options.withEpochSeed(1), clock);
        storeB = RedisMessageStore.connect(options.withEpochSeed(2), clock);
        moderationA = RedisModerationStore.connect(options);
        moderationB = RedisModerationStore.connect(options);
        nodeA = new MessagingService(storeA, moderationA, clock, config);
        nodeB = new MessagingService(storeB, moderationB, clock, config);
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
        moderationA.close();
        moderationB.close();
        storeA.close();
        storeB.close();
    }

    private static void await(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        return Eventually.holds(condition, DEADLINE);
    }

    @Test
    void muteOnOneNodeRefusesSendsOnTheOtherUntilUnmuted() throws Exception {
        FakeConnection aliceOnB = FakeConnection.user("alice");
        Session a = nodeB.join(aliceOnB, ROOM);
        assertThat(eventually(a::isSynced)).isTrue();

        await(nodeA.mute(ROOM, "alice", true));
        assertThat(eventually(() -> nodeB.isMuted(ROOM, "alice"))).isTrue();
        a.onFrame(chat("c1"));
        assertThat(eventually(() -> aliceOnB.errorCodes().contains("muted"))).isTrue();
        assertThat(aliceOnB.ofType("ack")).isEmpty();

        await(nodeB.mute(ROOM, "alice", false));
        assertThat(nodeB.isMuted(ROOM, "alice")).isFalse();
        assertThat(eventually(() -> !nodeA.isMuted(ROOM, "alice"))).as("unmuted on both").isTrue();
        a.onFrame(chat("c2"));
        assertThat(eventually(() -> aliceOnB.ofType("ack").size() == 1)).isTrue();
        assertThat(aliceOnB.closedWith()).isNull();
    }

    @Test
    void banOnOneNodeClosesTheOtherNodesConnectionsAndRefusesRejoinsUntilUnbanned() throws Exception {
        FakeConnection malloryOnB = FakeConnection.user("mallory");
        FakeConnection bobOnB = FakeConnection.user("bob");
        Session m = nodeB.join(malloryOnB, ROOM);
        Session b = nodeB.join(bobOnB, ROOM);
        assertThat(eventually(() -> m.isSynced() && b.isSynced())).isTrue();

        await(nodeA.ban(ROOM, "mallory", true));
        assertThat(eventually(() -> malloryOnB.closedWith() == CloseReason.BANNED)).isTrue();
        assertThat(malloryOnB.errorCodes()).contains("banned");
        assertThat(m.isOpen()).isFalse();
        assertThat(bobOnB.closedWith()).as("only the banned identity").isNull();
        assertThat(nodeB.connectionCount(ROOM)).isEqualTo(1);

        FakeConnection againOnB = FakeConnection.user("mallory");
        nodeB.join(againOnB, ROOM);
        assertThat(againOnB.closedWith()).isEqualTo(CloseReason.BANNED);
        FakeConnection againOnA = FakeConnection.user("mallory");
        nodeA.join(againOnA, ROOM);
        assertThat(againOnA.closedWith()).isEqualTo(CloseReason.BANNED);

        await(nodeB.ban(ROOM, "mallory", false));
        assertThat(eventually(() -> !nodeA.isBanned(ROOM, "mallory"))).as("unbanned on both").isTrue();
        FakeConnection backOnA = FakeConnection.user("mallory");
        Session back = nodeA.join(backOnA, ROOM);
        assertThat(eventually(back::isSynced)).isTrue();
        back.onFrame(chat("m1"));
        assertThat(eventually(() -> backOnA.ofType("ack").size() == 1)).isTrue();
        assertThat(eventually(() -> bobOnB.msgs().size() == 1)).as("bob on B gets it").isTrue();
        assertThat(backOnA.closedWith()).isNull();
    }
}
