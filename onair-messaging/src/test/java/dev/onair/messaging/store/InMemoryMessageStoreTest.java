package dev.onair.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class InMemoryMessageStoreTest extends MessageStoreContract {
    @Override
    protected MessageStore newStore(HistoryLimits limits, InstantSource clock) {
        return new InMemoryMessageStore(limits, clock, 42);
    }

    @Test
    void aMessageAppendedByAListenerReachesEveryTailAfterTheOneBeingDelivered() throws Exception {
        try (InMemoryMessageStore s = new InMemoryMessageStore(new HistoryLimits(100, 60_000L), clock, 1)) {
            java.util.List<Long> second = new java.util.ArrayList<>();
            s.tail("r", 0, m -> {
                if (m.seq() == 1) { // e.g. a delivery that closes a slow consumer stores its "left" presence
                    s.append("r", chat("bob", "left", "bye"));
                }
            });
            MessageStore.Tail closedMidway = s.tail("r", 0, m -> { });
            s.tail("r", 0, m -> {
                second.add(m.seq());
                if (m.seq() == 1) {
                    closedMidway.close(); // a tail closed during a fan-out
                }
            });
            await(s.append("r", chat("alice", "c1", "hi")));
            assertThat(second).containsExactly(1L, 2L);
        }
    }

    @Test
    void idempotencyExpiresWithTheHistoryAge() throws Exception {
        try (InMemoryMessageStore s = new InMemoryMessageStore(new HistoryLimits(100, 1_000L), clock, 1)) {
            StoredMessage first = await(s.append("r", chat("alice", "c1", "hi"))).message();
            clock.advanceMillis(1_001);
            AppendResult again = await(s.append("r", chat("alice", "c1", "hi")));
            assertThat(again.duplicate()).isFalse();
            assertThat(again.message().seq()).isEqualTo(first.seq() + 1);
        }
    }

    @Test
    void retryOfATrimmedButRecentMessageIsStillADuplicate() throws Exception {
        try (InMemoryMessageStore s = new InMemoryMessageStore(new HistoryLimits(2, 60_000L), clock, 1)) {
            await(s.append("r", chat("alice", "c1", "a")));
            await(s.append("r", chat("alice", "c2", "b")));
            await(s.append("r", chat("alice", "c3", "c")));
            AppendResult retry = await(s.append("r", chat("alice", "c1", "a")));
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.message().seq()).isEqualTo(1);
        }
    }

    @Test
    void epochsDependOnCreationTimeAndSeed() throws Exception {
        long e1;
        try (InMemoryMessageStore s = new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 7)) {
            e1 = await(s.state("r")).epoch();
        }
        clock.advanceMillis(1);
        try (InMemoryMessageStore s = new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 7)) {
            assertThat(await(s.state("r")).epoch()).as("a restarted server's room").isNotEqualTo(e1);
            assertThat(await(s.state("r")).epoch()).isLessThan(1L << 53);
        }
    }

    @Test
    void aClosedStoreFailsItsStages() {
        InMemoryMessageStore s = new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 7);
        s.close();
        assertThatThrownBy(() -> await(s.append("r", chat("alice", "c1", "x"))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aThrowingListenerDoesNotStopOthers() throws Exception {
        try (InMemoryMessageStore s = new InMemoryMessageStore(HistoryLimits.DEFAULT, clock, 7)) {
            TailProbe probe = new TailProbe();
            s.tail("r", 0, m -> {
                throw new IllegalStateException("boom");
            });
            s.tail("r", 0, probe);
            await(s.append("r", chat("alice", "c1", "x")));
            assertThat(probe.drainNow()).hasSize(1);
        }
    }
}
