package dev.onair.messaging.service;

import static dev.onair.messaging.service.ClientFrames.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.store.TestClock;
import dev.onair.messaging.wire.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingServiceTest {
    private static final String ROOM = "lobby";
    private static final MessagingConfig QUIET = MessagingConfig.DEFAULT.withPresenceEvents(false);

    private final TestClock clock = new TestClock();
    private InMemoryMessageStore store = new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 1);
    private MessagingService service = new MessagingService(store, clock, QUIET);

    @AfterEach
    void tearDown() {
        service.close();
        store.close();
    }

    private void use(HistoryLimits limits, MessagingConfig config) {
        store = new InMemoryMessageStore(limits, clock, 1);
        service = new MessagingService(store, clock, config);
    }

    private long epoch() throws Exception {
        return service.state(ROOM).toCompletableFuture().get(5, TimeUnit.SECONDS).epoch();
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(s);
        }
        return out;
    }

    @Test
    void freshJoinGetsResumedSnapshotThenLiveMessages() {
        use(HistoryLimits.DEFAULT, QUIET.withSnapshotSize(2));
        FakeConnection alice = FakeConnection.user("alice");
        Session a = service.join(alice, ROOM);
        a.onFrame(chat("c1", "one"));
        a.onFrame(chat("c2", "two"));
        a.onFrame(chat("c3", "three"));
        FakeConnection bob = FakeConnection.user("bob");
        service.join(bob, ROOM);
        List<JsonNode> frames = bob.frames();
        assertThat(frames.get(0).get("type").textValue()).isEqualTo("resumed");
        assertThat(frames.get(0).get("fresh").booleanValue()).isTrue();
        assertThat(frames.get(0).get("recovered").booleanValue()).isFalse();
        assertThat(frames.get(0).get("lastSeq").longValue()).isEqualTo(3);
        assertThat(bob.msgSeqs()).as("snapshot of the 2 newest").containsExactly(2L, 3L);
        a.onFrame(chat("c4", "four"));
        assertThat(bob.msgSeqs()).containsExactly(2L, 3L, 4L);
        JsonNode live = bob.msgs().get(2);
        assertThat(live.get("text").textValue()).isEqualTo("four");
        assertThat(live.get("from").get("identity").textValue()).isEqualTo("alice");
        assertThat(live.get("time").longValue()).isEqualTo(TestClock.START_MILLIS);
    }

    @Test
    void ackFollowsTheStoreAndARetryIsIdempotent() {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, ROOM);
        service.join(bob, ROOM);
        a.onFrame(chat("c1", "hi"));
        a.onFrame(chat("c1", "hi"));
        List<JsonNode> acks = alice.ofType("ack");
        assertThat(acks).hasSize(2);
        assertThat(acks.get(0).get("seq").longValue()).isEqualTo(1);
        assertThat(acks.get(0).get("duplicate").booleanValue()).isFalse();
        assertThat(acks.get(1).get("seq").longValue()).isEqualTo(1);
        assertThat(acks.get(1).get("duplicate").booleanValue()).isTrue();
        assertThat(bob.msgSeqs()).as("delivered once").containsExactly(1L);
        assertThat(service.storedMessages()).isEqualTo(1);

        a.onFrame(chat("c1", "something else"));
        assertThat(alice.errorCodes()).containsExactly("client_msg_id_conflict");
        assertThat(alice.ofType("error").get(0).get("clientMsgId").textValue()).isEqualTo("c1");
        assertThat(bob.msgSeqs()).containsExactly(1L);
    }

    @Test
    void concurrentSendersAreSeenInOneOrderByEveryone() throws Exception {
        use(HistoryLimits.DEFAULT, QUIET.withRateLimit(1_000_000, 1_000_000));
        List<FakeConnection> readers = List.of(FakeConnection.viewer("r1"), FakeConnection.viewer("r2"),
                FakeConnection.viewer("r3"));
        readers.forEach(r -> service.join(r, ROOM));
        int senders = 4;
        int each = 50;
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            sessions.add(service.join(FakeConnection.user("s" + i), ROOM));
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Session s : sessions) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < each; k++) {
                        s.onFrame(chat("c" + k, s.identity() + "-" + k));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int total = senders * each;
        List<String> order = null;
        for (FakeConnection r : readers) {
            assertThat(r.msgSeqs()).isEqualTo(range(1, total));
            List<String> texts = r.msgs().stream().map(m -> m.get("text").textValue()).toList();
            if (order == null) {
                order = texts;
            }
            assertThat(texts).isEqualTo(order);
        }
        for (int i = 0; i < senders; i++) { // each sender's own messages in the order it sent them
            String prefix = "s" + i + "-";
            List<String> own = order.stream().filter(t -> t.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < each; k++) {
                expected.add(prefix + k);
            }
            assertThat(own).isEqualTo(expected);
        }
    }

    @Test
    void joinsDuringATrafficStreamMissNothingAndDuplicateNothing() throws Exception {
        use(HistoryLimits.DEFAULT, QUIET.withRateLimit(1_000_000, 1_000_000).withSnapshotSize(1_000));
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        int total = 300;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<FakeConnection> joiners = new ArrayList<>();
        try {
            Future<?> sending = pool.submit(() -> {
                for (int k = 1; k <= total; k++) {
                    sender.onFrame(chat("c" + k, "m" + k));
                }
            });
            for (int j = 0; j < 30; j++) {
                FakeConnection c = FakeConnection.viewer("v" + j);
                joiners.add(c);
                service.join(c, ROOM);
            }
            sending.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (FakeConnection c : joiners) {
            List<Long> seqs = c.msgSeqs();
            assertThat(seqs).as(c.identity()).isNotEmpty();
            assertThat(seqs).as(c.identity() + ": contiguous up to the end")
                    .isEqualTo(range(seqs.get(0), total));
        }
    }

    @Test
    void resumeWithAGapReplaysExactlyWhatWasMissed() throws Exception {
        FakeConnection alice = FakeConnection.user("alice");
        Session a = service.join(alice, ROOM);
        Session b = service.join(FakeConnection.user("bob"), ROOM);
        b.onFrame(chat("b1", "1"));
        b.onFrame(chat("b2", "2"));
        b.onFrame(chat("b3", "3"));
        assertThat(alice.msgSeqs()).containsExactly(1L, 2L, 3L);
        a.close();
        b.onFrame(chat("b4", "4"));
        b.onFrame(chat("b5", "5"));
        FakeConnection alice2 = FakeConnection.user("alice");
        service.join(alice2, ROOM, epoch(), 3);
        JsonNode resumed = alice2.frames().get(0);
        assertThat(resumed.get("type").textValue()).isEqualTo("resumed");
        assertThat(resumed.get("recovered").booleanValue()).isTrue();
        assertThat(resumed.get("fresh").booleanValue()).isFalse();
        assertThat(resumed.get("lastSeq").longValue()).isEqualTo(5);
        assertThat(alice2.msgSeqs()).containsExactly(4L, 5L);
        b.onFrame(chat("b6", "6"));
        assertThat(alice2.msgSeqs()).containsExactly(4L, 5L, 6L);
        assertThat(alice.msgSeqs()).as("the closed session got nothing more").containsExactly(1L, 2L, 3L);
    }

    @Test
    void resumeFramePagesThroughALongGap() throws Exception {
        use(HistoryLimits.DEFAULT, new MessagingConfig(1_000_000, 1_000_000, 1L << 20, 50, 7, 10_000, false, 1_000));
        Session b = service.join(FakeConnection.user("bob"), ROOM);
        for (int k = 1; k <= 40; k++) {
            b.onFrame(chat("b" + k, "m" + k));
        }
        FakeConnection alice = FakeConnection.user("alice");
        Session a = service.join(alice, ROOM);
        alice.clear();
        a.onFrame("{\"type\":\"resume\",\"epoch\":" + epoch() + ",\"lastSeq\":2}");
        assertThat(alice.frames().get(0).get("recovered").booleanValue()).isTrue();
        assertThat(alice.msgSeqs()).isEqualTo(range(3, 40));
    }

    @Test
    void resumeTooOldAheadOrOfAnotherEpochGetsASnapshotAndStaysConnected() throws Exception {
        use(new HistoryLimits(5, 3_600_000L), QUIET.withRateLimit(1_000, 1_000));
        Session b = service.join(FakeConnection.user("bob"), ROOM);
        for (int k = 1; k <= 12; k++) {
            b.onFrame(chat("b" + k, "m" + k));
        }
        long epoch = epoch();
        for (long[] from : new long[][] {{epoch, 1}, {epoch, 99}, {epoch + 1, 12}}) {
            FakeConnection c = FakeConnection.user("alice");
            service.join(c, ROOM, from[0], from[1]);
            JsonNode resumed = c.frames().get(0);
            assertThat(resumed.get("recovered").booleanValue()).isFalse();
            assertThat(resumed.get("epoch").longValue()).isEqualTo(epoch);
            assertThat(c.msgSeqs()).containsExactly(8L, 9L, 10L, 11L, 12L);
            assertThat(c.closedWith()).isNull();
            assertThat(c.errorCodes()).isEmpty();
        }
        FakeConnection late = FakeConnection.user("carol");
        service.join(late, ROOM, epoch, 1);
        b.onFrame(chat("b13", "m13"));
        assertThat(late.msgSeqs()).containsExactly(8L, 9L, 10L, 11L, 12L, 13L);
    }

    @Test
    void adminDeleteSendsATombstoneToEveryoneAndHistoryShowsItDeleted() throws Exception {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection mod = FakeConnection.admin("mod");
        Session a = service.join(alice, ROOM);
        Session m = service.join(mod, ROOM);
        a.onFrame(chat("c1", "rude"));
        a.onFrame("{\"type\":\"delete\",\"seq\":1}");
        assertThat(alice.errorCodes()).containsExactly("forbidden");
        m.onFrame("{\"type\":\"delete\",\"seq\":1}");
        for (FakeConnection c : List.of(alice, mod)) {
            JsonNode tomb = c.msgs().get(1);
            assertThat(tomb.get("kind").textValue()).isEqualTo("delete");
            assertThat(tomb.get("targetSeq").longValue()).isEqualTo(1);
            assertThat(tomb.get("from").get("identity").textValue()).isEqualTo("mod");
        }
        m.onFrame("{\"type\":\"delete\",\"seq\":42}");
        assertThat(mod.errorCodes()).containsExactly("not_found");

        Optional<StoredMessage> again = service.deleteMessage(ROOM, "mod", 2).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(again).as("a tombstone is not deleted").isEmpty();
        FakeConnection late = FakeConnection.user("bob");
        service.join(late, ROOM, epoch(), 0);
        JsonNode first = late.msgs().get(0);
        assertThat(first.get("deleted").booleanValue()).isTrue();
        assertThat(first.has("text")).isFalse();
        List<StoredMessage> page = service.history(ROOM, Long.MAX_VALUE, 10).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(page.get(page.size() - 1).deleted()).isTrue();
    }

    @Test
    void rateLimitIsATokenBucketPerIdentity() {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, ROOM);
        Session b = service.join(bob, ROOM);
        for (int k = 1; k <= 10; k++) {
            a.onFrame(chat("c" + k, "m" + k));
        }
        a.onFrame(chat("c11", "m11"));
        assertThat(alice.ofType("ack")).hasSize(10);
        JsonNode limited = alice.ofType("error").get(0);
        assertThat(limited.get("code").textValue()).isEqualTo("rate_limited");
        assertThat(limited.get("clientMsgId").textValue()).isEqualTo("c11");
        assertThat(limited.get("retryAfterMillis").longValue()).isEqualTo(200);
        b.onFrame(chat("b1", "bob is not limited by alice"));
        assertThat(bob.ofType("ack")).hasSize(1);
        clock.advanceMillis(200);
        a.onFrame(chat("c11", "m11"));
        assertThat(alice.ofType("ack")).hasSize(11);
        a.onFrame(chat("c12", "m12"));
        assertThat(alice.errorCodes()).containsExactly("rate_limited", "rate_limited");
        assertThat(service.errors().get(ErrorCode.RATE_LIMITED)).isEqualTo(2);
        assertThat(bob.msgs()).hasSize(12);
    }

    @Test
    void mutedMayReadButNotSend() {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, ROOM);
        Session b = service.join(bob, ROOM);
        service.mute(ROOM, "alice", true);
        a.onFrame(chat("c1", "let me talk"));
        a.onFrame("{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"typing\"}");
        assertThat(alice.errorCodes()).containsExactly("muted", "muted");
        b.onFrame(chat("b1", "hello alice"));
        assertThat(alice.msgSeqs()).containsExactly(1L);
        assertThat(bob.ofType("typing")).isEmpty();
        service.mute(ROOM, "alice", false);
        a.onFrame(chat("c1", "let me talk"));
        assertThat(bob.msgSeqs()).containsExactly(1L, 2L);
    }

    @Test
    void bannedIsRemovedAndMayNotRejoin() {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, ROOM);
        Session b = service.join(bob, ROOM);
        service.ban(ROOM, "alice", true);
        assertThat(alice.closedWith()).isEqualTo(CloseReason.BANNED);
        assertThat(alice.errorCodes()).containsExactly("banned");
        assertThat(a.isOpen()).isFalse();
        assertThat(service.connectionCount(ROOM)).isEqualTo(1);
        b.onFrame(chat("b1", "bye alice"));
        assertThat(alice.msgs()).isEmpty();
        assertThat(bob.msgSeqs()).containsExactly(1L);

        FakeConnection again = FakeConnection.user("alice");
        Session a2 = service.join(again, ROOM);
        assertThat(again.closedWith()).isEqualTo(CloseReason.BANNED);
        assertThat(again.errorCodes()).containsExactly("banned");
        a2.onFrame(chat("c1", "sneaky"));
        assertThat(service.errors().get(ErrorCode.BANNED)).as("ban, rejoin, send after ban").isEqualTo(3);
        assertThat(bob.msgSeqs()).containsExactly(1L);
        assertThat(service.connectionCount(ROOM)).isEqualTo(1);
        assertThat(service.isBanned(ROOM, "alice")).isTrue();
        assertThat(service.isBanned("other-room", "alice")).isFalse();
    }

    @Test
    void slowConsumerIsDisconnectedWhileOthersGetEverything() {
        use(HistoryLimits.DEFAULT, QUIET.withRateLimit(1_000_000, 1_000_000));
        FakeConnection slow = FakeConnection.stalled("slow", 2_048);
        FakeConnection fast = FakeConnection.user("fast");
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        service.join(slow, ROOM);
        service.join(fast, ROOM);
        for (int k = 1; k <= 100; k++) {
            sender.onFrame(chat("c" + k, "message number " + k));
        }
        assertThat(slow.closedWith()).isEqualTo(CloseReason.SLOW_CONSUMER);
        assertThat(slow.pendingBytes()).as("never grew past its bound").isLessThanOrEqualTo(2_048);
        assertThat(fast.msgSeqs()).isEqualTo(range(1, 100));
        assertThat(service.slowConsumerDisconnects()).isEqualTo(1);
        assertThat(service.connectionCount(ROOM)).isEqualTo(2);
        assertThat(CloseReason.SLOW_CONSUMER.resumable()).isTrue();
    }

    @Test
    void directMessagesReachOnlySenderAndRecipientLiveAndInReplay() throws Exception {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        FakeConnection carol = FakeConnection.user("carol");
        Session a = service.join(alice, ROOM);
        service.join(bob, ROOM);
        service.join(carol, ROOM);
        a.onFrame("{\"type\":\"send\",\"kind\":\"dm\",\"clientMsgId\":\"d1\",\"to\":\"bob\",\"text\":\"secret\"}");
        a.onFrame(chat("c1", "public"));
        assertThat(alice.msgSeqs()).containsExactly(1L, 2L);
        assertThat(bob.msgSeqs()).containsExactly(1L, 2L);
        assertThat(bob.msgs().get(0).get("text").textValue()).isEqualTo("secret");
        assertThat(bob.msgs().get(0).get("to").textValue()).isEqualTo("bob");
        assertThat(carol.msgSeqs()).containsExactly(2L);
        for (String who : List.of("carol", "bob")) {
            FakeConnection late = FakeConnection.user(who);
            service.join(late, ROOM, epoch(), 0);
            assertThat(late.msgSeqs()).as(who).containsExactlyElementsOf(
                    who.equals("bob") ? List.of(1L, 2L) : List.of(2L));
            FakeConnection fresh = FakeConnection.user(who);
            service.join(fresh, ROOM);
            assertThat(fresh.frames().toString()).as(who).contains(who.equals("bob") ? "secret" : "public");
            if (who.equals("carol")) {
                assertThat(fresh.frames().toString()).doesNotContain("secret");
            }
        }
    }

    @Test
    void badFramesAndMissingPermissionsGetErrorsAndTheRoomGoesOn() {
        FakeConnection viewer = FakeConnection.viewer("vic");
        FakeConnection alice = FakeConnection.user("alice");
        Session v = service.join(viewer, ROOM);
        Session a = service.join(alice, ROOM);
        v.onFrame(chat("v1", "may I?"));
        a.onFrame("{not json");
        a.onFrame("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"hi\",\"from\":\"bob\"}");
        a.onFrame("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c2\",\"text\":\"\"}");
        a.onFrame("{\"type\":\"resume\",\"epoch\":-1,\"lastSeq\":\"x\"}");
        assertThat(viewer.errorCodes()).containsExactly("forbidden");
        assertThat(alice.errorCodes()).containsExactly("malformed_json", "forged_sender", "empty_text", "bad_resume");
        a.onFrame(chat("c3", "still here"));
        assertThat(viewer.msgSeqs()).containsExactly(1L);
        assertThat(alice.closedWith()).isNull();
        assertThat(service.errors().get(ErrorCode.FORGED_SENDER)).isEqualTo(1);
        a.close();
        a.onFrame(chat("c4", "after leaving"));
        assertThat(alice.errorCodes()).endsWith("not_joined");
        assertThat(viewer.msgSeqs()).containsExactly(1L);
    }

    @Test
    void typingIsEphemeralThrottledAndNotSeenBySender() throws Exception {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, ROOM);
        service.join(bob, ROOM);
        a.onFrame("{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"typing\"}");
        a.onFrame("{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"typing\"}");
        assertThat(bob.ofType("typing")).hasSize(1);
        assertThat(bob.ofType("typing").get(0).get("from").get("name").textValue()).isEqualTo("ALICE");
        clock.advanceMillis(1_000);
        a.onFrame("{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"idle\"}");
        assertThat(bob.ofType("typing")).hasSize(2);
        assertThat(alice.ofType("typing")).isEmpty();
        assertThat(epochLastSeq()).as("never stored").isZero();
    }

    private long epochLastSeq() throws Exception {
        LogState s = service.state(ROOM).toCompletableFuture().get(5, TimeUnit.SECONDS);
        return s.lastSeq();
    }

    @Test
    void presenceJoinedAndLeftAreStoredOncePerIdentity() {
        use(HistoryLimits.DEFAULT, MessagingConfig.DEFAULT);
        FakeConnection watcher = FakeConnection.user("watcher");
        service.join(watcher, ROOM);
        Session a1 = service.join(FakeConnection.user("alice"), ROOM);
        Session a2 = service.join(FakeConnection.user("alice"), ROOM);
        a1.close();
        a2.close();
        List<String> states = watcher.msgs().stream()
                .filter(m -> m.get("kind").textValue().equals("presence"))
                .map(m -> m.get("from").get("identity").textValue() + ":" + m.get("state").textValue())
                .toList();
        assertThat(states).containsExactly("watcher:joined", "alice:joined", "alice:left");
    }

    @Test
    void oneTailPerRoomOpenedWithTheFirstConnectionAndClosedWithTheLast() {
        assertThat(store.tailCount(ROOM)).isZero();
        Session a = service.join(FakeConnection.user("alice"), ROOM);
        Session b = service.join(FakeConnection.user("bob"), ROOM);
        service.join(FakeConnection.user("carol"), "elsewhere").close();
        assertThat(store.tailCount(ROOM)).isEqualTo(1);
        assertThat(store.tailCount("elsewhere")).isZero();
        assertThat(service.roomCount()).isEqualTo(1);
        a.close();
        assertThat(store.tailCount(ROOM)).isEqualTo(1);
        b.close();
        assertThat(store.tailCount(ROOM)).isZero();
        assertThat(service.roomCount()).isZero();
        Session c = service.join(FakeConnection.user("carol"), ROOM);
        assertThat(store.tailCount(ROOM)).isEqualTo(1);
        c.close();
    }

    @Test
    void reactionsEffectsAndEventsAreDeliveredWithTheirFields() {
        FakeConnection alice = FakeConnection.user("alice");
        FakeConnection bob = FakeConnection.user("bob");
        Session a = service.join(alice, ROOM);
        service.join(bob, ROOM);
        a.onFrame("{\"type\":\"send\",\"kind\":\"reaction\",\"clientMsgId\":\"r1\",\"name\":\"heart\"}");
        a.onFrame("{\"type\":\"send\",\"kind\":\"effect\",\"clientMsgId\":\"e1\",\"name\":\"sticker\","
                + "\"params\":{\"x\":0.5,\"y\":0.25}}");
        a.onFrame("{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"v1\",\"data\":{\"poll\":\"yes\"}}");
        List<JsonNode> got = bob.msgs();
        assertThat(got).hasSize(3);
        assertThat(got.get(0).get("kind").textValue()).isEqualTo("reaction");
        assertThat(got.get(0).get("name").textValue()).isEqualTo("heart");
        assertThat(got.get(1).get("params").get("x").doubleValue()).isEqualTo(0.5);
        assertThat(got.get(2).get("data").get("poll").textValue()).isEqualTo("yes");
    }

    @Test
    void closingTheServiceClosesConnectionsAsShutdown() {
        FakeConnection alice = FakeConnection.user("alice");
        service.join(alice, ROOM);
        service.close();
        assertThat(alice.closedWith()).isEqualTo(CloseReason.SHUTDOWN);
        assertThat(service.roomCount()).isZero();
        assertThat(store.tailCount(ROOM)).isZero();
    }
}
