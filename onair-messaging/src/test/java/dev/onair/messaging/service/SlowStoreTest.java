package dev.onair.messaging.service;

import static dev.onair.messaging.service.ClientFrames.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.store.TestClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service over a store whose replays lag and whose appends fail: buffering, dedupe, errors. */
class SlowStoreTest {
    private static final String ROOM = "stage";

    private final TestClock clock = new TestClock();
    private final ControllableStore store =
            new ControllableStore(new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 3));
    private MessagingService service = new MessagingService(store, clock,
            MessagingConfig.DEFAULT.withPresenceEvents(false).withRateLimit(1_000, 1_000));

    @AfterEach
    void tearDown() {
        service.close();
        store.close();
    }

    @Test
    void messagesStoredWhileAReplayIsInFlightFollowItWithoutGapOrDuplicate() {
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        sender.onFrame(chat("m1"));
        sender.onFrame(chat("m2"));
        store.holdReplays(true);
        FakeConnection late = FakeConnection.user("late");
        Session s = service.join(late, ROOM, 0, 0); // another epoch: a snapshot, read now (1, 2)
        assertThat(store.heldReplayCount()).isEqualTo(1);
        sender.onFrame(chat("m3"));
        sender.onFrame(chat("m4"));
        assertThat(late.frames()).as("nothing before the replay").isEmpty();
        assertThat(s.isSynced()).isFalse();
        store.releaseReplays();
        List<JsonNode> frames = late.frames();
        assertThat(frames.get(0).get("type").textValue()).isEqualTo("resumed");
        assertThat(frames.get(0).get("lastSeq").longValue()).as("the log when read").isEqualTo(2);
        assertThat(late.msgSeqs()).containsExactly(1L, 2L, 3L, 4L);
        sender.onFrame(chat("m5"));
        assertThat(late.msgSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void messagesBothReplayedAndBufferedAreDeliveredOnce() throws Exception {
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        sender.onFrame(chat("m1"));
        long epoch = service.state(ROOM).toCompletableFuture().get().epoch();
        store.holdReplays(true);
        store.deferReads(true);
        FakeConnection c = FakeConnection.user("c");
        service.join(c, ROOM, epoch, 0);
        sender.onFrame(chat("m2")); // buffered live, and in the replay read below
        sender.onFrame(chat("m3"));
        store.releaseReplays();
        JsonNode resumed = c.frames().get(0);
        assertThat(resumed.get("recovered").booleanValue()).isTrue();
        assertThat(resumed.get("lastSeq").longValue()).isEqualTo(3);
        assertThat(c.msgSeqs()).containsExactly(1L, 2L, 3L);
        sender.onFrame(chat("m4"));
        assertThat(c.msgSeqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aResumeFrameWhileAnotherReplayIsInFlightWinsAndTheStaleOneIsDropped() throws Exception {
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        for (int k = 1; k <= 4; k++) {
            sender.onFrame(chat("m" + k));
        }
        long epoch = service.state(ROOM).toCompletableFuture().get().epoch();
        store.holdReplays(true);
        FakeConnection c = FakeConnection.user("c");
        Session s = service.join(c, ROOM, epoch, 0);
        s.onFrame("{\"type\":\"resume\",\"epoch\":" + epoch + ",\"lastSeq\":3}");
        store.releaseReplays();
        assertThat(c.ofType("resumed")).hasSize(1);
        assertThat(c.msgSeqs()).containsExactly(4L);
    }

    @Test
    void tooManyLiveMessagesDuringAReplayDisconnectAsSlowConsumer() {
        service = new MessagingService(store, clock, new MessagingConfig(1_000, 1_000, 1L << 20, 50, 200, 3,
                false, 1_000));
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        store.holdReplays(true);
        FakeConnection c = FakeConnection.user("c");
        service.join(c, ROOM);
        for (int k = 1; k <= 4; k++) {
            sender.onFrame(chat("m" + k));
        }
        assertThat(c.closedWith()).isEqualTo(CloseReason.SLOW_CONSUMER);
        store.releaseReplays();
        assertThat(c.frames()).as("a closed session gets no replay").isEmpty();
        assertThat(service.slowConsumerDisconnects()).isEqualTo(1);
    }

    @Test
    void aLiveMessageOfANewEpochMakesTheSessionResync() throws Exception {
        Session sender = service.join(FakeConnection.user("sender"), ROOM);
        sender.onFrame(chat("m1"));
        FakeConnection c = FakeConnection.user("c");
        service.join(c, ROOM);
        long epoch = service.state(ROOM).toCompletableFuture().get().epoch();
        StoredMessage fromNewLog = new StoredMessage(ROOM, epoch + 1, 1, clock.millis(),
                new Draft(MessageKind.CHAT, "x", "x1", null, "{\"text\":\"new log\"}", -1), false);
        store.injectLive(fromNewLog);
        List<JsonNode> resumed = c.ofType("resumed");
        assertThat(resumed).hasSize(2);
        // the session resumes from the epoch and seq it holds, as a reconnecting client would: this store's log is
        // still that epoch (only a straggler claimed another), so it recovers exactly; a recreated log would not
        // (WipedRoomTest: recovered false and a snapshot)
        assertThat(resumed.get(1).get("recovered").booleanValue()).isTrue();
        assertThat(resumed.get(1).get("epoch").longValue()).isEqualTo(epoch);
        assertThat(c.frames().toString()).doesNotContain("new log");
        sender.onFrame(chat("m2"));
        assertThat(c.msgSeqs()).as("snapshot, nothing missed, then live").containsExactly(1L, 2L);
    }

    @Test
    void aFailedAppendIsNotAckedAndSaysStoreUnavailable() {
        FakeConnection alice = FakeConnection.user("alice");
        Session a = service.join(alice, ROOM);
        store.failAppends(true);
        a.onFrame(chat("c1"));
        assertThat(alice.ofType("ack")).isEmpty();
        assertThat(alice.errorCodes()).containsExactly("store_unavailable");
        store.failAppends(false);
        a.onFrame(chat("c1"));
        assertThat(alice.ofType("ack")).hasSize(1);
        assertThat(alice.msgSeqs()).containsExactly(1L);
    }
}
