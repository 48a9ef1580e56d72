package dev.onair.messaging.store;

import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The embedded default {@link MessageStore}: each room's log lives in this process ({@link RoomLog}, a lock per
 * room), so history is lost with the process and a restarted server's rooms get new epochs. Every stage it returns
 * is already complete; tails are called on the appending thread.
 *
 * <p>An epoch is the room's creation time in ms times 1,000 plus a seeded random 0..999: it differs across restarts,
 * and stays below 2<sup>53</sup> (exact in JavaScript) until the year 2255.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final HistoryLimits limits;
    private final InstantSource clock;
    private final SplittableRandom random;
    private final ConcurrentHashMap<String, RoomLog> rooms = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public InMemoryMessageStore(HistoryLimits limits, InstantSource clock, long seed) {
        this.limits = limits;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    public InMemoryMessageStore(HistoryLimits limits, InstantSource clock) {
        this(limits, clock, 0x0a1e5eedL);
    }

    @Override
    public CompletionStage<AppendResult> append(String room, Draft draft) {
        if (closed) {
            return closedStage();
        }
        return CompletableFuture.completedFuture(log(room).append(draft, clock.millis()));
    }

    @Override
    public CompletionStage<Replay> replayAfter(String room, long epoch, long afterSeq, int limit) {
        if (closed) {
            return closedStage();
        }
        return CompletableFuture.completedFuture(log(room).replayAfter(epoch, afterSeq, Math.max(0, limit),
                clock.millis()));
    }

    @Override
    public CompletionStage<List<StoredMessage>> page(String room, long beforeSeq, int limit) {
        if (closed) {
            return closedStage();
        }
        return CompletableFuture.completedFuture(log(room).page(beforeSeq, Math.max(0, limit), clock.millis()));
    }

    @Override
    public CompletionStage<LogState> state(String room) {
        if (closed) {
            return closedStage();
        }
        return CompletableFuture.completedFuture(log(room).state(clock.millis()));
    }

    @Override
    public Tail tail(String room, long afterSeq, Consumer<StoredMessage> listener) {
        if (closed) {
            throw new IllegalStateException("message store closed");
        }
        return log(room).tail(afterSeq, listener, clock.millis());
    }

    /** Rooms held (a room is created by its first use and kept while the store lives). */
    public int roomCount() {
        return rooms.size();
    }

    @Override
    public void close() {
        closed = true;
        rooms.clear();
    }

    private RoomLog log(String room) {
        return rooms.computeIfAbsent(room, r -> new RoomLog(r, newEpoch(), limits));
    }

    private long newEpoch() {
        int salt;
        synchronized (random) {
            salt = random.nextInt(1_000);
        }
        return Math.max(1L, clock.millis()) * 1_000L + salt;
    }

    private static <T> CompletionStage<T> closedStage() {
        return CompletableFuture.failedFuture(new IllegalStateException("message store closed"));
    }
}
