package dev.onair.messaging.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.messaging.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BadFrameLimitTest {
    private static final String ROOM = "lobby";

    private final TestClock clock = new TestClock();
    private final InMemoryMessageStore store = new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 1);
    private final MessagingService service =
            new MessagingService(store, clock, MessagingConfig.DEFAULT.withPresenceEvents(false));

    @AfterEach
    void tearDown() {
        service.close();
        store.close();
    }

    @Test
    void windowCountsUpToTheLimitThenSaysOver() {
        BadFrameLimit limit = new BadFrameLimit();
        for (int i = 0; i < BadFrameLimit.MAX_BAD_FRAMES; i++) {
            assertThat(limit.overLimit(1_000 + i)).as("bad frame %d", i + 1).isFalse();
        }
        assertThat(limit.overLimit(1_100)).isTrue();
    }

    @Test
    void aNewWindowStartsAfterTheWindowLength() {
        BadFrameLimit limit = new BadFrameLimit();
        for (int i = 0; i < BadFrameLimit.MAX_BAD_FRAMES; i++) {
            limit.overLimit(0);
        }
        assertThat(limit.overLimit(BadFrameLimit.WINDOW_MILLIS)).as("first of a new window").isFalse();
    }

    @Test
    void aConnectionThatKeepsSendingGarbageIsClosedWithProtocolError() {
        FakeConnection mallory = FakeConnection.user("mallory");
        FakeConnection bob = FakeConnection.user("bob");
        Session m = service.join(mallory, ROOM);
        Session b = service.join(bob, ROOM);
        for (int i = 0; i < BadFrameLimit.MAX_BAD_FRAMES; i++) {
            m.onFrame("{not json");
        }
        assertThat(mallory.closedWith()).as("at the limit it is still answered").isNull();
        assertThat(mallory.errorCodes()).hasSize(BadFrameLimit.MAX_BAD_FRAMES);
        m.onFrame("{\"type\":\"nonsense\"}");
        assertThat(mallory.closedWith()).isEqualTo(CloseReason.PROTOCOL_ERROR);
        assertThat(CloseReason.PROTOCOL_ERROR.resumable()).isFalse();
        assertThat(m.isOpen()).isFalse();
        assertThat(service.connectionCount(ROOM)).as("the room goes on without it").isEqualTo(1);
        b.onFrame("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"b1\",\"text\":\"still here\"}");
        assertThat(bob.ofType("ack")).hasSize(1);
    }

    @Test
    void garbageSpreadOverTimeIsOnlyAnswered() {
        FakeConnection sloppy = FakeConnection.user("sloppy");
        Session s = service.join(sloppy, ROOM);
        for (int i = 0; i < 3 * BadFrameLimit.MAX_BAD_FRAMES; i++) {
            s.onFrame("{not json");
            clock.advanceMillis(BadFrameLimit.WINDOW_MILLIS / BadFrameLimit.MAX_BAD_FRAMES + 1);
        }
        assertThat(sloppy.closedWith()).isNull();
        assertThat(sloppy.errorCodes()).hasSize(3 * BadFrameLimit.MAX_BAD_FRAMES);
    }
}
