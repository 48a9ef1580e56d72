package dev.onair.messaging.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.messaging.store.AppendResult;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.Replay;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.store.TailProbe;
import io.lettuce.core.KillArgs;
import io.lettuce.core.cluster.SlotHash;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What only the Redis store has: its script under concurrency, trimming seen in Redis, reconnects, bad entries. */
class RedisMessageStoreRedisTest extends RedisStoreFixture {
    private static final HistoryLimits ROOMY = new HistoryLimits(1_000, 3_600_000L);

    @Override
    String prefixStem() {
        return "redis";
    }

    private RedisMessageStore store(HistoryLimits limits, long seed) {
        return open(RedisStoreOptions.of(REDIS.url(), limits).withEpochSeed(seed));
    }

    private static Draft chat(String sender, String clientMsgId, String text) {
        return new Draft(MessageKind.CHAT, sender, clientMsgId, null, "{\"text\":\"" + text + "\"}", -1);
    }

    private static StoredMessage stored(MessageStore s, String room, Draft d) throws Exception {
        AppendResult r = await(s.append(room, d));
        assertThat(r.duplicate() || r.conflict()).as("stored anew").isFalse();
        return r.message();
    }

    private static List<Long> seqs(List<StoredMessage> ms) {
        return ms.stream().map(StoredMessage::seq).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(s);
        }
        return out;
    }

    /** Polls with a deadline (this test talks to a real redis-server). */
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    @Test
    void concurrentRetriesFromTwoStoresStoreEachClientMsgIdOnceAndConflictsAreRejected() throws Exception {
        RedisMessageStore a = store(ROOMY, 1);
        RedisMessageStore b = store(ROOMY, 2);
        String room = "race";
        int ids = 40;
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AppendResult>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                MessageStore s = t % 2 == 0 ? a : b;
                String text = t % 4 < 2 ? "x" : "y"; // two contents per id, each sent from both stores
                futures.add(pool.submit(() -> {
                    start.await();
                    List<AppendResult> out = new ArrayList<>();
                    for (int i = 0; i < ids; i++) {
                        out.add(await(s.append(room, chat("alice", "c" + i, text + i))));
                    }
                    return out;
                }));
            }
            start.countDown();
            Map<Integer, List<AppendResult>> byId = new HashMap<>();
            Map<Integer, List<String>> textById = new HashMap<>();
            for (int t = 0; t < threads; t++) {
                List<AppendResult> results = futures.get(t).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < ids; i++) {
                    byId.computeIfAbsent(i, k -> new ArrayList<>()).add(results.get(i));
                    textById.computeIfAbsent(i, k -> new ArrayList<>()).add((t % 4 < 2 ? "x" : "y") + i);
                }
            }
            Set<Long> winners = new TreeSet<>();
            for (int i = 0; i < ids; i++) {
                List<AppendResult> rs = byId.get(i);
                List<AppendResult> fresh = rs.stream().filter(r -> !r.duplicate() && !r.conflict()).toList();
                assertThat(fresh).as("id c%d stored once", i).hasSize(1);
                StoredMessage winner = fresh.get(0).message();
                winners.add(winner.seq());
                for (int k = 0; k < rs.size(); k++) {
                    AppendResult r = rs.get(k);
                    boolean sameText = winner.draft().body().contains("\"" + textById.get(i).get(k) + "\"");
                    if (r == fresh.get(0)) {
                        continue;
                    }
                    if (sameText) {
                        assertThat(r.duplicate()).as("a retry of c%d", i).isTrue();
                        assertThat(r.message().seq()).isEqualTo(winner.seq());
                    } else {
                        assertThat(r.conflict()).as("c%d with the other body", i).isTrue();
                    }
                }
            }
            assertThat(winners).containsExactlyElementsOf(range(1, ids));
            assertThat(raw.xlen(keys.log(room))).isEqualTo(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trimmingByCountIsExactInTheStream() throws Exception {
        RedisMessageStore s = store(new HistoryLimits(5, 3_600_000L), 1);
        String room = "count";
        for (int i = 1; i <= 12; i++) {
            stored(s, room, chat("alice", "c" + i, "m" + i));
            assertThat(raw.xlen(keys.log(room))).isEqualTo(Math.min(i, 5));
        }
        assertThat(raw.xrange(keys.log(room), io.lettuce.core.Range.create("-", "+")).get(0).getId())
                .isEqualTo("8-0");
    }

    @Test
    void trimmingByAgeEmptiesTheStreamAndItsDeleteMarksEvenWithoutWrites() throws Exception {
        RedisMessageStore s = store(new HistoryLimits(100, 60_000L), 1);
        String room = "age";
        stored(s, room, chat("alice", "c1", "a"));
        stored(s, room, chat("alice", "c2", "b"));
        stored(s, room, new Draft(MessageKind.DELETE, "admin", null, null, "{}", 1));
        assertThat(raw.zcard(keys.deleted(room))).isEqualTo(1);
        clock.advanceMillis(30_000);
        stored(s, room, chat("alice", "c3", "c"));
        assertThat(raw.xlen(keys.log(room))).isEqualTo(4);
        clock.advanceMillis(30_001);
        assertThat(await(s.state(room)).oldestSeq()).as("a read trims too").isEqualTo(4);
        assertThat(raw.xlen(keys.log(room))).isEqualTo(1);
        assertThat(raw.zcard(keys.deleted(room))).as("the mark of a trimmed message goes with it").isZero();
        clock.advanceMillis(30_000);
        assertThat(await(s.state(room)).oldestSeq()).isEqualTo(5);
        assertThat(raw.xlen(keys.log(room))).isZero();
    }

    @Test
    void tailGoesOnWithoutLossOrRepeatWhenItsConnectionIsKilled() throws Exception {
        RedisMessageStore s = store(ROOMY, 1);
        String room = "reconnect";
        TailProbe probe = new TailProbe();
        try (MessageStore.Tail t = s.tail(room, 0, probe)) {
            for (int i = 1; i <= 5; i++) {
                stored(s, room, chat("alice", "c" + i, "m" + i));
            }
            assertThat(seqs(probe.await(5, WAIT))).isEqualTo(range(1, 5));
            long before = s.tailClientId();
            assertThat(before).isPositive();
            // the reader is now blocked in XREAD: kill its connection under it
            assertThat(raw.clientKill(KillArgs.Builder.id(before))).isEqualTo(1);
            for (int i = 6; i <= 10; i++) {
                stored(s, room, chat("alice", "c" + i, "m" + i));
            }
            assertThat(seqs(probe.await(5, WAIT))).isEqualTo(range(6, 10));
            assertThat(eventually(() -> s.tailClientId() != before)).as("reading on a new connection").isTrue();

            // and a kill in the middle of a burst
            for (int i = 11; i <= 20; i++) {
                stored(s, room, chat("alice", "c" + i, "m" + i));
                if (i == 14) {
                    raw.clientKill(KillArgs.Builder.id(s.tailClientId()));
                }
            }
            assertThat(seqs(probe.await(10, WAIT))).isEqualTo(range(11, 20));
            stored(s, room, chat("alice", "marker", "end"));
            assertThat(seqs(probe.await(1, WAIT))).as("nothing repeated before the marker").containsExactly(21L);
        }
    }

    @Test
    void aNewTailWakesTheBlockedReaderAndEachTailGetsItsOwnRoomFromItsOwnPosition() throws Exception {
        // a one-minute block: were the reader not woken when tails are added, nothing would arrive within WAIT
        RedisMessageStore s = open(new RedisStoreOptions(REDIS.url(), prefix, ROOMY, 1, 60_000, 65_000));
        TailProbe first = new TailProbe();
        try (MessageStore.Tail t = s.tail("room0", 0, first)) {
            stored(s, "room0", chat("alice", "c1", "x"));
            assertThat(seqs(first.await(1, WAIT))).containsExactly(1L);
            List<TailProbe> probes = new ArrayList<>();
            List<MessageStore.Tail> tails = new ArrayList<>();
            for (int r = 1; r <= 10; r++) {
                TailProbe p = new TailProbe();
                probes.add(p);
                tails.add(s.tail("room" + r, 0, p));
            }
            TailProbe late = new TailProbe();
            tails.add(s.tail("room0", 1, late));
            // nothing is written to room0 (which would end the block) until the new rooms have had theirs
            for (int i = 1; i <= 5; i++) {
                for (int r = 10; r >= 1; r--) {
                    stored(s, "room" + r, chat("u" + r, "c" + i, "r" + r + "m" + i));
                }
            }
            for (int r = 1; r <= 10; r++) {
                List<StoredMessage> got = probes.get(r - 1).await(5, WAIT);
                assertThat(seqs(got)).as("room%d", r).isEqualTo(range(1, 5));
                String room = "room" + r;
                assertThat(got).allSatisfy(m -> assertThat(m.room()).isEqualTo(room));
            }
            for (int i = 1; i <= 5; i++) {
                stored(s, "room0", chat("alice", "c" + (i + 1), "y" + i));
            }
            assertThat(seqs(first.await(5, WAIT))).isEqualTo(range(2, 6));
            assertThat(seqs(late.await(5, WAIT))).isEqualTo(range(2, 6));
            stored(s, "room0", chat("alice", "marker", "end"));
            assertThat(seqs(first.await(1, WAIT))).as("no repeat for the older tail").containsExactly(7L);
            assertThat(seqs(late.await(1, WAIT))).containsExactly(7L);
            tails.forEach(MessageStore.Tail::close);
        }
    }

    @Test
    void malformedEntriesAreSkippedAndCountedByReadsAndTails() throws Exception {
        RedisMessageStore s = store(ROOMY, 1);
        String room = "bad";
        stored(s, room, chat("alice", "c1", "good"));
        raw.xadd(keys.log(room), new io.lettuce.core.XAddArgs().id("2-0"), Map.of("k", "no-such-kind", "t", "x"));
        raw.set(keys.seq(room), "2");
        stored(s, room, chat("alice", "c3", "good again"));
        long epoch = await(s.state(room)).epoch();

        Replay replay = await(s.replayAfter(room, epoch, 0, 10));
        assertThat(replay.recovered()).isTrue();
        assertThat(seqs(replay.messages())).containsExactly(1L, 3L);
        assertThat(s.malformedEntries()).isEqualTo(1);

        TailProbe probe = new TailProbe();
        try (MessageStore.Tail t = s.tail(room, 0, probe)) {
            stored(s, room, chat("alice", "c4", "later"));
            assertThat(seqs(probe.await(3, WAIT))).containsExactly(1L, 3L, 4L);
        }
        assertThat(s.malformedEntries()).isEqualTo(2);
    }

    @Test
    void aForgottenScriptIsSentAgain() throws Exception {
        RedisMessageStore s = store(ROOMY, 1);
        String room = "flush";
        stored(s, room, chat("alice", "c1", "x"));
        raw.scriptFlush();
        assertThat(stored(s, room, chat("alice", "c2", "y")).seq()).isEqualTo(2);
        raw.scriptFlush();
        assertThat(await(s.state(room)).lastSeq()).isEqualTo(2);
    }

    @Test
    void twoNodesAgreeOnAFreshRoomsEpochAndEveryKeyOfARoomSharesOneClusterSlot() throws Exception {
        RedisMessageStore a = store(ROOMY, 1);
        clock.advanceMillis(7);
        RedisMessageStore b = store(ROOMY, 99);
        String room = "slot";
        long epochOnB = await(b.state(room)).epoch();
        assertThat(await(a.state(room)).epoch()).isEqualTo(epochOnB);
        assertThat(epochOnB).isPositive().isLessThan(1L << 53);
        stored(a, room, chat("alice", "c1", "x"));
        stored(a, room, new Draft(MessageKind.DELETE, "admin", null, null, "{}", 1));
        List<String> roomKeys = raw.keys(prefix + "*");
        assertThat(roomKeys).containsExactlyInAnyOrder(keys.epoch(room), keys.seq(room), keys.log(room),
                keys.deleted(room), keys.idempotency(room, "alice", "c1"));
        assertThat(roomKeys.stream().map(SlotHash::getSlot).distinct()).hasSize(1);
    }

    @Test
    void aMissingRedisServerFailsWithTheTestCommandNamed() {
        RedisServerExtension missing = new RedisServerExtension(Paths.get("/nonexistent/redis-server"));
        assertThatThrownBy(() -> missing.beforeAll(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/redis-server is missing")
                .hasMessageContaining("./onair test");
    }
}
