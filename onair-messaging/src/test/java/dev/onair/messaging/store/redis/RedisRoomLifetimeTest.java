package dev.onair.messaging.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.AppendResult;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.Eventually;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.store.TailProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A room's keys in a real Redis: they carry the room's idle TTL, each append gives it back, and once they are gone
 * (expired or flushed) while a tail is open, the next append starts a new epoch that the tail delivers as such,
 * promptly, from its seq 1. TTLs are asserted with PTTL; the one expiry awaited is a 300 ms TTL, polled.
 */
class RedisRoomLifetimeTest extends RedisStoreFixture {
    private static final HistoryLimits LIMITS = new HistoryLimits(1_000, 3_600_000L);
    private static final long IDLE_TTL_MILLIS = 120_000;

    @Override
    String prefixStem() {
        return "life";
    }

    private RedisMessageStore store(long idleTtlMillis, long seed) {
        return open(RedisStoreOptions.of(REDIS.url(), LIMITS).withEpochSeed(seed)
                .withRoomIdleTtlMillis(idleTtlMillis).withTailBlockMillis(500));
    }

    private static Draft chat(String id, String text) {
        return new Draft(MessageKind.CHAT, "alice", id, null, "{\"text\":\"" + text + "\"}", -1);
    }

    @Test
    void everyRoomKeyCarriesTheIdleTtlAndAnAppendGivesItBack() throws Exception {
        RedisMessageStore s = store(IDLE_TTL_MILLIS, 1);
        await(s.append("lobby", chat("c1", "one")));
        AppendResult two = await(s.append("lobby", chat("c2", "two")));
        await(s.append("lobby", new Draft(MessageKind.DELETE, "admin", null, null, "{}", two.message().seq())));
        raw.sadd(keys.muted("lobby"), "bob");
        raw.sadd(keys.banned("lobby"), "mallory");
        List<String> roomKeys = List.of(keys.epoch("lobby"), keys.seq("lobby"), keys.log("lobby"),
                keys.deleted("lobby"), keys.muted("lobby"), keys.banned("lobby"));
        for (String k : roomKeys) {
            raw.pexpire(k, 1_000_000); // something else
        }
        await(s.append("lobby", chat("c3", "three")));
        for (String k : roomKeys) {
            assertThat(raw.pttl(k)).as(k).isPositive().isLessThanOrEqualTo(IDLE_TTL_MILLIS);
        }
        long idemTtl = raw.pttl(keys.idempotency("lobby", "alice", "c3"));
        assertThat(idemTtl).as("idempotency keys keep the history age")
                .isGreaterThan(IDLE_TTL_MILLIS).isLessThanOrEqualTo(LIMITS.maxAgeMillis());
    }

    @Test
    void aReadOfAnUnwrittenRoomMakesAnEpochThatExpiresToo() throws Exception {
        RedisMessageStore s = store(IDLE_TTL_MILLIS, 1);
        await(s.state("quiet"));
        assertThat(raw.pttl(keys.epoch("quiet"))).isPositive().isLessThanOrEqualTo(IDLE_TTL_MILLIS);
    }

    @Test
    void anIdleRoomExpiresAndATailOpenOnItGetsTheNewEpochFromItsStart() throws Exception {
        RedisMessageStore s = store(300, 1);
        for (int i = 1; i <= 5; i++) {
            await(s.append("lobby", chat("c" + i, "old " + i)));
        }
        LogState old = await(s.state("lobby"));
        TailProbe probe = new TailProbe();
        try (MessageStore.Tail tail = s.tail("lobby", old.lastSeq(), probe)) {
            assertThat(Eventually.holds(() -> raw.exists(keys.log("lobby"), keys.epoch("lobby"),
                    keys.seq("lobby")) == 0, WAIT)).as("the idle room's keys expire").isTrue();
            AppendResult first = await(s.append("lobby", chat("n1", "new 1")));
            assertThat(first.message().seq()).isEqualTo(1);
            assertThat(first.message().epoch()).isNotEqualTo(old.epoch());
            await(s.append("lobby", chat("n2", "new 2")));
            List<StoredMessage> got = probe.await(2, WAIT);
            assertThat(got).extracting(StoredMessage::seq).containsExactly(1L, 2L);
            assertThat(got).extracting(StoredMessage::epoch).containsOnly(first.message().epoch());
            assertThat(got.get(0).draft().body()).contains("new 1");
            assertThat(s.tailNewLogs()).isEqualTo(1);
            await(s.append("lobby", chat("n3", "new 3")));
            assertThat(probe.await(1, WAIT)).extracting(StoredMessage::seq).containsExactly(3L);
            assertThat(probe.drainNow()).isEmpty();
        }
    }

    @Test
    void aFlushedRoomWhoseNewLogOutrunsTheTailIsNotTakenForTheOldOne() throws Exception {
        RedisMessageStore s = store(IDLE_TTL_MILLIS, 1);
        RedisMessageStore other = store(IDLE_TTL_MILLIS, 2);
        for (int i = 1; i <= 3; i++) {
            await(s.append("lobby", chat("c" + i, "old " + i)));
        }
        LogState old = await(s.state("lobby"));
        TailProbe probe = new TailProbe();
        try (MessageStore.Tail tail = s.tail("lobby", old.lastSeq(), probe)) {
            await(s.append("lobby", chat("c4", "old 4")));
            assertThat(probe.await(1, WAIT)).extracting(StoredMessage::seq).containsExactly(4L);
            raw.flushall();
            List<Long> newSeqs = new ArrayList<>();
            long newEpoch = 0;
            for (int i = 1; i <= 6; i++) { // past the tail's old position (4)
                AppendResult r = await(other.append("lobby", chat("n" + i, "new " + i)));
                newSeqs.add(r.message().seq());
                newEpoch = r.message().epoch();
            }
            assertThat(newSeqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            List<StoredMessage> got = probe.await(6, WAIT);
            assertThat(got).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(got).extracting(StoredMessage::epoch).containsOnly(newEpoch);
            assertThat(newEpoch).isNotEqualTo(old.epoch());
        }
    }
}
