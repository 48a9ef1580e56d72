package dev.onair.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The {@link MessageStore} contract, run against every implementation: extend it and say how to make a fresh, empty
 * store ({@link #newStore}) and, where the backing is shared, a second node's store on the same backing
 * ({@link #secondNodeStore}). Async stages are awaited for at most 5 s; tails are collected in a {@link TailProbe}
 * and polled with a deadline, never slept on.
 */
public abstract class MessageStoreContract {
    protected static final Duration WAIT = Duration.ofSeconds(5);
    private static final HistoryLimits ROOMY = new HistoryLimits(1_000, 3_600_000L);

    protected final TestClock clock = new TestClock();
    private final List<MessageStore> opened = new ArrayList<>();
    private String testName = "t";

    /** A fresh, empty store with these limits and this clock. */
    protected abstract MessageStore newStore(HistoryLimits limits, InstantSource clock);

    /**
     * A second node's store on the same backing as {@code first} (e.g. the same Redis), or null when the backing
     * cannot be shared (the in-memory store): the cross-node tests are then skipped.
     */
    protected MessageStore secondNodeStore(MessageStore first, HistoryLimits limits, InstantSource clock) {
        return null;
    }

    @BeforeEach
    void nameRooms(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("t");
    }

    @AfterEach
    void closeStores() {
        for (MessageStore s : opened) {
            s.close();
        }
        opened.clear();
    }

    /** A room name unique to the running test. */
    protected String room(String suffix) {
        return getClass().getSimpleName() + "-" + testName + "-" + suffix;
    }

    private MessageStore store(HistoryLimits limits) {
        MessageStore s = newStore(limits, clock);
        opened.add(s);
        return s;
    }

    private MessageStore store() {
        return store(ROOMY);
    }

    protected static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    protected static Draft chat(String sender, String clientMsgId, String text) {
        return new Draft(MessageKind.CHAT, sender, clientMsgId, null, "{\"text\":\"" + text + "\"}", -1);
    }

    private static Draft deleteOf(long targetSeq) {
        return new Draft(MessageKind.DELETE, "admin", null, null, "{}", targetSeq);
    }

    private static StoredMessage stored(MessageStore s, String room, Draft d) throws Exception {
        AppendResult r = await(s.append(room, d));
        assertThat(r.duplicate()).as("duplicate").isFalse();
        assertThat(r.conflict()).as("conflict").isFalse();
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

    // ---- sequence, stamping ----

    @Test
    void sequencesStartAtOneAndAreConsecutivePerRoom() throws Exception {
        MessageStore s = store();
        String a = room("a");
        for (int i = 1; i <= 5; i++) {
            StoredMessage m = stored(s, a, chat("alice", "c" + i, "m" + i));
            assertThat(m.seq()).isEqualTo(i);
            assertThat(m.room()).isEqualTo(a);
        }
        LogState state = await(s.state(a));
        assertThat(state.lastSeq()).isEqualTo(5);
        assertThat(state.oldestSeq()).isEqualTo(1);
    }

    @Test
    void roomsAreIndependent() throws Exception {
        MessageStore s = store();
        String a = room("a");
        String b = room("b");
        stored(s, a, chat("alice", "c1", "x"));
        stored(s, a, chat("alice", "c2", "y"));
        StoredMessage inB = stored(s, b, chat("alice", "c1", "x"));
        assertThat(inB.seq()).as("b's first message, although a has two").isEqualTo(1);
        assertThat(await(s.state(a)).lastSeq()).isEqualTo(2);
        assertThat(await(s.state(b)).lastSeq()).isEqualTo(1);
    }

    @Test
    void stampsServerTimeFromTheClockAndKeepsTheDraft() throws Exception {
        MessageStore s = store();
        String r = room("r");
        clock.advanceMillis(1_234);
        Draft d = new Draft(MessageKind.DM, "alice", "c1", "bob", "{\"text\":\"psst\"}", -1);
        StoredMessage m = stored(s, r, d);
        assertThat(m.serverTimeMillis()).isEqualTo(TestClock.START_MILLIS + 1_234);
        assertThat(m.draft()).isEqualTo(d);
        assertThat(m.deleted()).isFalse();
        clock.advanceMillis(10);
        assertThat(stored(s, r, chat("bob", "c1", "x")).serverTimeMillis()).isEqualTo(TestClock.START_MILLIS + 1_244);
    }

    @Test
    void freshRoomHasLastSeqZeroAndItsEpochIsTheOneMessagesGet() throws Exception {
        MessageStore s = store();
        String r = room("r");
        LogState fresh = await(s.state(r));
        assertThat(fresh.lastSeq()).isZero();
        assertThat(fresh.oldestSeq()).isEqualTo(1);
        assertThat(await(s.state(r)).epoch()).as("stable before any write").isEqualTo(fresh.epoch());
        StoredMessage m = stored(s, r, chat("alice", "c1", "x"));
        assertThat(m.epoch()).as("a client that joined the empty room can resume").isEqualTo(fresh.epoch());
        Replay replay = await(s.replayAfter(r, fresh.epoch(), 0, 10));
        assertThat(replay.recovered()).isTrue();
        assertThat(seqs(replay.messages())).containsExactly(1L);
    }

    // ---- idempotency ----

    @Test
    void retryWithSameClientMsgIdReturnsTheSameMessageAsDuplicate() throws Exception {
        MessageStore s = store();
        String r = room("r");
        StoredMessage first = stored(s, r, chat("alice", "c1", "hi"));
        stored(s, r, chat("bob", "b1", "other"));
        AppendResult retry = await(s.append(r, chat("alice", "c1", "hi")));
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.conflict()).isFalse();
        assertThat(retry.message().seq()).isEqualTo(first.seq());
        assertThat(retry.message().epoch()).isEqualTo(first.epoch());
        assertThat(retry.message().draft()).isEqualTo(first.draft());
        assertThat(await(s.state(r)).lastSeq()).as("nothing new stored").isEqualTo(2);
    }

    @Test
    void sameClientMsgIdWithOtherBodyIsAConflictAndStoresNothing() throws Exception {
        MessageStore s = store();
        String r = room("r");
        stored(s, r, chat("alice", "c1", "hi"));
        AppendResult other = await(s.append(r, chat("alice", "c1", "bye")));
        assertThat(other.conflict()).isTrue();
        assertThat(other.duplicate()).isFalse();
        assertThat(other.message()).isNull();
        assertThat(await(s.state(r)).lastSeq()).isEqualTo(1);
    }

    @Test
    void sameClientMsgIdFromAnotherSenderIsAnotherMessage() throws Exception {
        MessageStore s = store();
        String r = room("r");
        StoredMessage a = stored(s, r, chat("alice", "c1", "hi"));
        StoredMessage b = stored(s, r, chat("bob", "c1", "hi"));
        assertThat(b.seq()).isEqualTo(a.seq() + 1);
        assertThat(b.draft().sender()).isEqualTo("bob");
    }

    @Test
    void sameClientMsgIdInAnotherRoomIsAnotherMessage() throws Exception {
        MessageStore s = store();
        StoredMessage a = stored(s, room("a"), chat("alice", "c1", "hi"));
        StoredMessage b = stored(s, room("b"), chat("alice", "c1", "hi"));
        assertThat(a.seq()).isEqualTo(1);
        assertThat(b.seq()).isEqualTo(1);
        assertThat(b.room()).isEqualTo(room("b"));
    }

    @Test
    void messagesWithoutClientMsgIdAreNeverDuplicates() throws Exception {
        MessageStore s = store();
        String r = room("r");
        Draft joined = new Draft(MessageKind.PRESENCE, "alice", null, null, "{\"state\":\"joined\"}", -1);
        assertThat(stored(s, r, joined).seq()).isEqualTo(1);
        assertThat(stored(s, r, joined).seq()).isEqualTo(2);
    }

    // ---- replay ----

    @Test
    void replayReturnsExactlyTheMissedMessagesPagedByLimit() throws Exception {
        MessageStore s = store();
        String r = room("r");
        for (int i = 1; i <= 10; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        long epoch = await(s.state(r)).epoch();
        Replay first = await(s.replayAfter(r, epoch, 3, 4));
        assertThat(first.recovered()).isTrue();
        assertThat(seqs(first.messages())).containsExactly(4L, 5L, 6L, 7L);
        assertThat(first.messages().get(0).draft().body()).isEqualTo("{\"text\":\"m4\"}");
        assertThat(first.state().lastSeq()).isEqualTo(10);
        Replay second = await(s.replayAfter(r, epoch, 7, 4));
        assertThat(second.recovered()).isTrue();
        assertThat(seqs(second.messages())).containsExactly(8L, 9L, 10L);
    }

    @Test
    void replayWithNothingMissedIsRecoveredAndEmpty() throws Exception {
        MessageStore s = store();
        String r = room("r");
        stored(s, r, chat("alice", "c1", "x"));
        stored(s, r, chat("alice", "c2", "y"));
        long epoch = await(s.state(r)).epoch();
        Replay replay = await(s.replayAfter(r, epoch, 2, 10));
        assertThat(replay.recovered()).isTrue();
        assertThat(replay.messages()).isEmpty();
        assertThat(replay.state().lastSeq()).isEqualTo(2);
        assertThat(replay.state().epoch()).isEqualTo(epoch);
    }

    @Test
    void replayAheadOfTheLogIsNotRecoveredAndSnapshotsTheNewest() throws Exception {
        MessageStore s = store();
        String r = room("r");
        for (int i = 1; i <= 5; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        long epoch = await(s.state(r)).epoch();
        Replay replay = await(s.replayAfter(r, epoch, 9, 3));
        assertThat(replay.recovered()).isFalse();
        assertThat(seqs(replay.messages())).as("the 3 newest, oldest first").containsExactly(3L, 4L, 5L);
        assertThat(replay.state().lastSeq()).isEqualTo(5);
    }

    @Test
    void replayOfAnotherEpochIsNotRecoveredAndSnapshotsTheNewest() throws Exception {
        MessageStore s = store();
        String r = room("r");
        for (int i = 1; i <= 4; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        long epoch = await(s.state(r)).epoch();
        Replay replay = await(s.replayAfter(r, epoch + 1, 2, 10));
        assertThat(replay.recovered()).isFalse();
        assertThat(seqs(replay.messages())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(replay.state().epoch()).isEqualTo(epoch);
    }

    @Test
    void replayFromBeforeTheTrimmedHistoryIsNotRecovered() throws Exception {
        MessageStore s = store(new HistoryLimits(5, 3_600_000L));
        String r = room("r");
        for (int i = 1; i <= 8; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        long epoch = await(s.state(r)).epoch();
        Replay gone = await(s.replayAfter(r, epoch, 2, 10));
        assertThat(gone.recovered()).as("3 was trimmed").isFalse();
        assertThat(seqs(gone.messages())).containsExactly(4L, 5L, 6L, 7L, 8L);
        Replay edge = await(s.replayAfter(r, epoch, 3, 10));
        assertThat(edge.recovered()).as("everything after 3 is still there").isTrue();
        assertThat(seqs(edge.messages())).containsExactly(4L, 5L, 6L, 7L, 8L);
    }

    // ---- trimming ----

    @Test
    void historyIsTrimmedByCount() throws Exception {
        MessageStore s = store(new HistoryLimits(5, 3_600_000L));
        String r = room("r");
        for (int i = 1; i <= 12; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        LogState state = await(s.state(r));
        assertThat(state.lastSeq()).isEqualTo(12);
        assertThat(state.oldestSeq()).isEqualTo(8);
        assertThat(seqs(await(s.page(r, Long.MAX_VALUE, 100)))).containsExactly(12L, 11L, 10L, 9L, 8L);
    }

    @Test
    void historyIsTrimmedByAge() throws Exception {
        MessageStore s = store(new HistoryLimits(100, 60_000L));
        String r = room("r");
        stored(s, r, chat("alice", "c1", "old1"));
        stored(s, r, chat("alice", "c2", "old2"));
        clock.advanceMillis(30_000);
        stored(s, r, chat("alice", "c3", "mid"));
        clock.advanceMillis(30_001);
        stored(s, r, chat("alice", "c4", "new"));
        LogState state = await(s.state(r));
        assertThat(state.oldestSeq()).as("1 and 2 are over a minute old").isEqualTo(3);
        assertThat(state.lastSeq()).isEqualTo(4);
        Replay replay = await(s.replayAfter(r, state.epoch(), 0, 10));
        assertThat(replay.recovered()).isFalse();
        assertThat(seqs(replay.messages())).containsExactly(3L, 4L);
    }

    @Test
    void sequencesContinueAfterTheWholeHistoryAgedOut() throws Exception {
        MessageStore s = store(new HistoryLimits(100, 1_000L));
        String r = room("r");
        StoredMessage first = stored(s, r, chat("alice", "c1", "x"));
        clock.advanceMillis(5_000);
        StoredMessage second = stored(s, r, chat("alice", "c2", "y"));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.epoch()).isEqualTo(first.epoch());
        assertThat(await(s.state(r)).oldestSeq()).isEqualTo(2);
    }

    // ---- tombstones ----

    @Test
    void deleteMarksItsTargetDeletedInReplayAndPageAndIsItselfAMessage() throws Exception {
        MessageStore s = store();
        String r = room("r");
        stored(s, r, chat("alice", "c1", "rude"));
        stored(s, r, chat("bob", "c1", "fine"));
        StoredMessage tomb = stored(s, r, deleteOf(1));
        assertThat(tomb.seq()).isEqualTo(3);
        assertThat(tomb.draft().kind()).isEqualTo(MessageKind.DELETE);
        assertThat(tomb.draft().targetSeq()).isEqualTo(1);

        long epoch = await(s.state(r)).epoch();
        List<StoredMessage> replayed = await(s.replayAfter(r, epoch, 0, 10)).messages();
        assertThat(seqs(replayed)).containsExactly(1L, 2L, 3L);
        assertThat(replayed.get(0).deleted()).isTrue();
        assertThat(replayed.get(0).draft().body()).isEqualTo("null");
        assertThat(replayed.get(0).draft().sender()).isEqualTo("alice");
        assertThat(replayed.get(1).deleted()).isFalse();
        assertThat(replayed.get(1).draft().body()).isEqualTo("{\"text\":\"fine\"}");
        assertThat(replayed.get(2).deleted()).isFalse();

        List<StoredMessage> page = await(s.page(r, Long.MAX_VALUE, 10));
        assertThat(seqs(page)).containsExactly(3L, 2L, 1L);
        assertThat(page.get(2).deleted()).isTrue();
        assertThat(page.get(2).draft().body()).isEqualTo("null");
    }

    @Test
    void tailDeliversTheTombstoneAfterTheTarget() throws Exception {
        MessageStore s = store();
        String r = room("r");
        TailProbe probe = new TailProbe();
        try (MessageStore.Tail t = s.tail(r, 0, probe)) {
            stored(s, r, chat("alice", "c1", "rude"));
            stored(s, r, deleteOf(1));
            List<StoredMessage> got = probe.await(2, WAIT);
            assertThat(seqs(got)).containsExactly(1L, 2L);
            assertThat(got.get(1).draft().kind()).isEqualTo(MessageKind.DELETE);
            assertThat(got.get(1).draft().targetSeq()).isEqualTo(1);
        }
    }

    // ---- page ----

    @Test
    void pageIsNewestFirstBelowTheGivenSequence() throws Exception {
        MessageStore s = store();
        String r = room("r");
        for (int i = 1; i <= 9; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        assertThat(seqs(await(s.page(r, Long.MAX_VALUE, 3)))).containsExactly(9L, 8L, 7L);
        assertThat(seqs(await(s.page(r, 7, 3)))).containsExactly(6L, 5L, 4L);
        assertThat(seqs(await(s.page(r, 3, 10)))).containsExactly(2L, 1L);
        assertThat(await(s.page(r, 1, 10))).isEmpty();
        assertThat(await(s.page(room("empty"), Long.MAX_VALUE, 10))).isEmpty();
    }

    // ---- tail ----

    @Test
    void tailSeesEveryLaterMessageInOrderOnce() throws Exception {
        MessageStore s = store();
        String r = room("r");
        stored(s, r, chat("alice", "c0", "before"));
        TailProbe probe = new TailProbe();
        try (MessageStore.Tail t = s.tail(r, 1, probe)) {
            for (int i = 1; i <= 20; i++) {
                stored(s, r, chat(i % 2 == 0 ? "alice" : "bob", "c" + i, "m" + i));
            }
            await(s.append(r, chat("alice", "c3", "m3"))); // a retry stores nothing and delivers nothing
            stored(s, room("other"), chat("alice", "x", "elsewhere"));
            List<StoredMessage> got = probe.await(20, WAIT);
            assertThat(seqs(got)).isEqualTo(range(2, 21));
            assertThat(got).allSatisfy(m -> assertThat(m.room()).isEqualTo(r));
            stored(s, r, chat("alice", "last", "marker"));
            List<StoredMessage> marker = probe.await(1, WAIT);
            assertThat(seqs(marker)).as("no duplicate delivered before the marker").containsExactly(22L);
        }
    }

    @Test
    void tailStartsAfterTheGivenSequenceIncludingStoredOnes() throws Exception {
        MessageStore s = store();
        String r = room("r");
        for (int i = 1; i <= 5; i++) {
            stored(s, r, chat("alice", "c" + i, "m" + i));
        }
        TailProbe probe = new TailProbe();
        try (MessageStore.Tail t = s.tail(r, 3, probe)) {
            stored(s, r, chat("alice", "c6", "m6"));
            assertThat(seqs(probe.await(3, WAIT))).containsExactly(4L, 5L, 6L);
        }
    }

    @Test
    void closedTailGetsNothingMore() throws Exception {
        MessageStore s = store();
        String r = room("r");
        TailProbe closed = new TailProbe();
        TailProbe open = new TailProbe();
        MessageStore.Tail t = s.tail(r, 0, closed);
        try (MessageStore.Tail t2 = s.tail(r, 0, open)) {
            stored(s, r, chat("alice", "c1", "seen"));
            assertThat(seqs(closed.await(1, WAIT))).containsExactly(1L);
            t.close();
            stored(s, r, chat("alice", "c2", "unseen"));
            assertThat(seqs(open.await(2, WAIT))).containsExactly(1L, 2L);
            assertThat(closed.drainNow()).isEmpty();
        }
    }

    @Test
    void tailSeesMessagesAppendedByAnotherNode() throws Exception {
        MessageStore a = store();
        MessageStore b = secondNodeStore(a, ROOMY, clock);
        assumeTrue(b != null, "the store's backing is not shared between nodes");
        opened.add(b);
        String r = room("r");
        TailProbe onA = new TailProbe();
        TailProbe onB = new TailProbe();
        try (MessageStore.Tail ta = a.tail(r, 0, onA); MessageStore.Tail tb = b.tail(r, 0, onB)) {
            for (int i = 1; i <= 10; i++) {
                MessageStore writer = i % 2 == 0 ? a : b;
                assertThat(stored(writer, r, chat("alice", "c" + i, "m" + i)).seq()).isEqualTo(i);
            }
            assertThat(seqs(onA.await(10, WAIT))).isEqualTo(range(1, 10));
            assertThat(seqs(onB.await(10, WAIT))).isEqualTo(range(1, 10));
        }
        AppendResult retryOnA = await(a.append(r, chat("alice", "c1", "m1")));
        assertThat(retryOnA.duplicate()).as("idempotency holds across nodes").isTrue();
        assertThat(retryOnA.message().seq()).isEqualTo(1);
        assertThat(await(b.state(r)).epoch()).isEqualTo(await(a.state(r)).epoch());
    }

    // ---- concurrency ----

    @Test
    void concurrentAppendsFromEightThreadsGetEverySequenceOnce() throws Exception {
        MessageStore s = store(new HistoryLimits(10_000, 3_600_000L));
        String r = room("r");
        int threads = 8;
        int perThread = 50;
        TailProbe probe = new TailProbe();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        try (MessageStore.Tail t = s.tail(r, 0, probe)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int th = 0; th < threads; th++) {
                String sender = "user" + th;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(stored(s, r, chat(sender, "c" + i, sender + "-" + i)).seq());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            int total = threads * perThread;
            assertThat(seqs).hasSize(total);
            Set<Long> distinct = new TreeSet<>(seqs);
            assertThat(distinct).containsExactlyElementsOf(range(1, total));
            assertThat(seqs(probe.await(total, WAIT))).isEqualTo(range(1, total));
        } finally {
            pool.shutdownNow();
        }
    }
}
