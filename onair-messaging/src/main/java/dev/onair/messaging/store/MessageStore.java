package dev.onair.messaging.store;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A room's message log: it stamps each message with the room's next sequence number, its epoch and the server time,
 * makes a sender's retry idempotent, keeps the history within {@link HistoryLimits}, and replays what a reconnecting
 * client missed. A message counts as stored (and may be acknowledged) once the returned stage completes normally.
 * Implementations: {@code InMemoryMessageStore} (the embedded default) and {@code RedisMessageStore} (Redis Streams),
 * both held to the same contract tests. Thread-safe; rooms are independent.
 */
public interface MessageStore extends AutoCloseable {
    /**
     * Appends {@code draft} to {@code room}'s log. When the draft's sender already stored a message under the same
     * clientMsgId (within the history's age), nothing is stored: the earlier message comes back as a duplicate, or a
     * conflict when its content differs. A {@link MessageKind#DELETE} draft also marks its target deleted.
     */
    CompletionStage<AppendResult> append(String room, Draft draft);

    /**
     * What a client that last saw {@code afterSeq} of {@code epoch} missed, oldest first, at most {@code limit}
     * messages (the caller pages on). Not recovered when the epoch differs from the log's, {@code afterSeq} is
     * ahead of the log, or messages after it were trimmed: then up to {@code limit} of the newest messages instead.
     */
    CompletionStage<Replay> replayAfter(String room, long epoch, long afterSeq, int limit);

    /** Up to {@code limit} messages with a sequence below {@code beforeSeq}, newest first (for the admin history). */
    CompletionStage<List<StoredMessage>> page(String room, long beforeSeq, int limit);

    /** The log's epoch and positions; a room never written to has a fresh epoch and lastSeq 0. */
    CompletionStage<LogState> state(String room);

    /**
     * Tails {@code room}'s log: {@code listener} gets every message stored after {@code afterSeq} of the current
     * epoch, by any node sharing this store (Redis), in sequence order and each once, on a thread of the store, until
     * the returned handle is closed. This is how stored messages fan out to the connections of every node. The
     * listener must not block.
     */
    Tail tail(String room, long afterSeq, Consumer<StoredMessage> listener);

    /** A running {@link #tail}. */
    interface Tail extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    void close();
}
