package dev.onair.messaging.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.Eventually;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.ModerationStore;
import dev.onair.messaging.store.ModerationStore.Kind;
import dev.onair.messaging.store.ModerationStoreContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link ModerationStore} contract against a real redis-server (each store its own key prefix), and what only a
 * shared store does: a change made through one node reaches another node's view (polled with a deadline: pub/sub is
 * asynchronous), a node that connects later loads what is stored, the sets' TTL, malformed announcements.
 */
class RedisModerationStoreTest extends ModerationStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final Duration PROPAGATION = Duration.ofSeconds(5);
    private static final long IDLE_TTL_MILLIS = 60_000;
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> raw;

    private String prefix;

    @BeforeAll
    static void connectRaw() {
        rawClient = RedisClient.create(REDIS.url());
        raw = rawClient.connect();
    }

    @AfterAll
    static void closeRaw() {
        raw.close();
        rawClient.shutdown();
    }

    private RedisStoreOptions options(String keyPrefix) {
        return RedisStoreOptions.of(REDIS.url(), HistoryLimits.DEFAULT).withKeyPrefix(keyPrefix)
                .withRoomIdleTtlMillis(IDLE_TTL_MILLIS);
    }

    @Override
    protected ModerationStore newStore() {
        prefix = "mod" + PREFIXES.incrementAndGet() + ":";
        return RedisModerationStore.connect(options(prefix));
    }

    /** Another node on the same key space as the last {@link #store()}. */
    private RedisModerationStore secondNode() {
        RedisModerationStore s = RedisModerationStore.connect(options(prefix));
        return track(s);
    }

    private RedisModerationStore track(RedisModerationStore s) {
        // closed with the contract's stores
        opened().add(s);
        return s;
    }

    @Test
    void aChangeOnOneNodeReachesTheOtherAndItsListener() throws Exception {
        ModerationStore a = store();
        RedisModerationStore b = secondNode();
        List<String> heardOnB = Collections.synchronizedList(new ArrayList<>());
        b.listen((room, identity, kind, on) -> heardOnB.add(kind + " " + identity + " " + on));
        await(a.set("lobby", "alice", Kind.MUTE, true));
        assertThat(Eventually.holds(() -> b.isMuted("lobby", "alice"), PROPAGATION)).isTrue();
        await(a.set("lobby", "mallory", Kind.BAN, true));
        assertThat(Eventually.holds(() -> b.isBanned("lobby", "mallory"), PROPAGATION)).isTrue();
        await(b.set("lobby", "alice", Kind.MUTE, false));
        assertThat(Eventually.holds(() -> !a.isMuted("lobby", "alice"), PROPAGATION)).isTrue();
        assertThat(b.isMuted("lobby", "alice")).as("b made the change: seen when its stage completed").isFalse();
        assertThat(heardOnB).containsExactly("MUTE alice true", "BAN mallory true", "MUTE alice false");
    }

    @Test
    void aNodeThatConnectsLaterLoadsWhatIsStored() throws Exception {
        ModerationStore a = store();
        await(a.set("lobby", "mallory", Kind.BAN, true));
        await(a.set("stage", "alice", Kind.MUTE, true));
        RedisModerationStore late = secondNode();
        assertThat(late.isBanned("lobby", "mallory")).isTrue();
        assertThat(late.isMuted("stage", "alice")).isTrue();
        assertThat(late.isMuted("lobby", "mallory")).isFalse();
        assertThat(late.loads()).isEqualTo(1);
    }

    @Test
    void setsCarryTheRoomIdleTtl() throws Exception {
        ModerationStore a = store();
        await(a.set("lobby", "mallory", Kind.BAN, true));
        RedisCommands<String, String> r = raw.sync();
        long ttl = r.pttl(prefix + "{lobby}:banned");
        assertThat(ttl).isPositive().isLessThanOrEqualTo(IDLE_TTL_MILLIS);
        assertThat(r.smembers(prefix + "{lobby}:banned")).containsExactly("mallory");
    }

    @Test
    void malformedAnnouncementsAreCountedAndIgnored() throws Exception {
        RedisModerationStore a = (RedisModerationStore) store();
        raw.sync().publish(prefix + "moderation", "garbage");
        raw.sync().publish(prefix + "moderation", "b1x;99:lobbymallory");
        assertThat(Eventually.holds(() -> a.malformedAnnouncements() == 2, PROPAGATION)).isTrue();
        assertThat(a.isBanned("lobby", "mallory")).isFalse();
        await(a.set("lobby", "alice", Kind.MUTE, true));
        assertThat(a.isMuted("lobby", "alice")).as("it goes on").isTrue();
    }

    @Test
    void aSubscriptionThatReconnectsLoadsAgainAndHearsChangesAfterwards() throws Exception {
        RedisModerationStore a = (RedisModerationStore) store();
        RedisModerationStore b = secondNode();
        await(a.set("lobby", "mallory", Kind.BAN, true));
        assertThat(Eventually.holds(() -> b.isBanned("lobby", "mallory"), PROPAGATION)).isTrue();
        raw.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
        assertThat(Eventually.holds(() -> a.loads() >= 2 && b.loads() >= 2, PROPAGATION))
                .as("each view loaded again after its subscription came back").isTrue();
        assertThat(b.isBanned("lobby", "mallory")).isTrue();
        await(a.set("lobby", "mallory", Kind.BAN, false));
        assertThat(Eventually.holds(() -> !b.isBanned("lobby", "mallory"), PROPAGATION)).isTrue();
    }

    @Test
    void announcementsRoundTrip() {
        RedisModerationStore.Change c = new RedisModerationStore.Change("a:b;c", ";:x", Kind.BAN, true, "7.k");
        assertThat(RedisModerationStore.decode(RedisModerationStore.encode(c))).isEqualTo(c);
        assertThat(RedisModerationStore.decode("m1n;0:x")).isNull();
        assertThat(RedisModerationStore.decode("q1n;1:xy")).isNull();
        assertThat(RedisModerationStore.decode("m1n;5:xy")).isNull();
        assertThat(RedisModerationStore.decode(null)).isNull();
    }
}
