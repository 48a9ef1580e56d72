package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.StoredMessage;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tails of one store: one thread and one dedicated connection running {@code XREAD BLOCK} over every tailed room's
 * stream at once (one connection per store rather than per room: a node serves many rooms, and a blocked connection
 * can do nothing else). When a tail is added, the blocked read is woken with {@code CLIENT UNBLOCK} (from the store's
 * command connection) and restarted with the new set of streams.
 *
 * <p>Each tail keeps the last seq it was given; a room is read from the lowest of its tails' positions and a message
 * goes to a tail only when its seq is above that tail's position, so each tail gets each message once, in stream
 * order, on this thread. Positions move only when messages are delivered, so a read that fails (the connection was
 * killed; Lettuce reconnects, or the read is simply issued again) resumes from the last message seen: nothing is
 * lost or repeated.
 *
 * <p><b>A new log.</b> A room's keys may vanish while it is tailed (its idle TTL, a FLUSHALL, a Redis that lost its
 * data); the next append then starts a new epoch at seq 1, below the tails' positions, where {@code XREAD} would not
 * see it. So each read first asks (pipelined, on the same connection) for every tailed room's epoch, and each entry
 * carries its epoch (field {@code e}): when either differs from the epoch the room was tailed in, the room's tails
 * start again at the new log's beginning ({@link #newLogs()} counts it) and get its messages stamped with the new
 * epoch, never as if they continued the old log (sessions then resync, see {@code Session#deliverLive}). A read
 * blocked on the old positions is woken at once; a new log made while nothing reads is noticed within one block.
 */
final class RedisTailReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTailReader.class);
    private static final int READ_COUNT = 512;
    private static final long REPLY_GRACE_MILLIS = 10_000;
    private static final long RETRY_WAIT_MILLIS = 200;

    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> control;
    private final RedisKeys keys;
    private final ToLongFunction<String> epochOf;
    private final long blockMillis;
    private final AtomicLong malformed;
    private final AtomicLong listenerFailures = new AtomicLong();
    private final AtomicLong readFailures = new AtomicLong();
    private final AtomicLong newLogs = new AtomicLong();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final Map<String, List<Handle>> tailsByRoom = new HashMap<>();
    /** Only the reader thread touches it. */
    private final Map<String, Long> epochByRoom = new HashMap<>();
    private final Thread thread;
    private volatile long generation;
    private volatile long readerClientId = -1;
    private volatile boolean closed;

    /**
     * @param connection a connection only this reader uses (it blocks)
     * @param control    the store's command connection, for {@code CLIENT UNBLOCK}
     * @param epochOf    the room's epoch (blocking; called on the reader thread when a room is first tailed)
     * @param malformed  counts stream entries that could not be read (skipped)
     */
    RedisTailReader(StatefulRedisConnection<String, String> connection, RedisAsyncCommands<String, String> control,
                    RedisKeys keys, ToLongFunction<String> epochOf, long blockMillis, AtomicLong malformed) {
        this.connection = connection;
        this.control = control;
        this.keys = keys;
        this.epochOf = epochOf;
        this.blockMillis = blockMillis;
        this.malformed = malformed;
        this.thread = new Thread(this::run, "onair-redis-tail");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    MessageStore.Tail add(String room, long afterSeq, Consumer<StoredMessage> listener) {
        Handle h = new Handle(room, Math.max(0, afterSeq), listener);
        synchronized (lock) {
            tailsByRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(h);
            generation++;
            lock.notifyAll();
        }
        wakeReader();
        return h;
    }

    long listenerFailures() {
        return listenerFailures.get();
    }

    long readFailures() {
        return readFailures.get();
    }

    /** Times a tailed room's log was found recreated under another epoch. */
    long newLogs() {
        return newLogs.get();
    }

    /** The Redis client id of the reader's connection as last seen (-1 before the first read). */
    long readerClientId() {
        return readerClientId;
    }

    private void remove(Handle h) {
        synchronized (lock) {
            List<Handle> list = tailsByRoom.get(h.room);
            if (list != null && list.remove(h) && list.isEmpty()) {
                tailsByRoom.remove(h.room);
            }
            generation++;
        }
    }

    private void wakeReader() {
        long id = readerClientId;
        if (id >= 0 && !closed) {
            control.clientUnblock(id, UnblockType.TIMEOUT);
        }
    }

    private void run() {
        while (!closed) {
            try {
                readOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                readFailures.incrementAndGet();
                LOG.warn("tail read failed, reading again from the last message seen: {}", e.toString());
                if (!pauseBeforeRetry()) {
                    return;
                }
            }
        }
    }

    /** Waits a little (or until closed) so that a failing Redis is not hammered; false when interrupted. */
    private boolean pauseBeforeRetry() {
        synchronized (lock) {
            try {
                if (!closed) {
                    lock.wait(RETRY_WAIT_MILLIS);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void readOnce() throws Exception {
        long seenGeneration;
        Map<String, List<Handle>> snapshot = new HashMap<>();
        synchronized (lock) {
            while (tailsByRoom.isEmpty() && !closed) {
                lock.wait();
            }
            seenGeneration = generation;
            tailsByRoom.forEach((room, list) -> snapshot.put(room, List.copyOf(list)));
        }
        if (closed) {
            return;
        }
        epochByRoom.keySet().retainAll(snapshot.keySet());
        Map<String, String> roomByLogKey = new HashMap<>();
        List<XReadArgs.StreamOffset<String>> offsets = new ArrayList<>(snapshot.size());
        for (Map.Entry<String, List<Handle>> e : snapshot.entrySet()) {
            String room = e.getKey();
            if (!epochByRoom.containsKey(room)) {
                epochByRoom.put(room, epochOf.applyAsLong(room));
            }
            long from = Long.MAX_VALUE;
            for (Handle h : e.getValue()) {
                from = Math.min(from, h.lastSeq);
            }
            String logKey = keys.log(room);
            roomByLogKey.put(logKey, room);
            offsets.add(XReadArgs.StreamOffset.from(logKey, from + "-0"));
        }
        RedisAsyncCommands<String, String> reader = connection.async();
        // pipelined: the epochs and CLIENT ID answer at once; CLIENT ID names the connection the XREAD then blocks on
        Map<String, RedisFuture<String>> epochs = new HashMap<>();
        for (String room : snapshot.keySet()) {
            epochs.put(room, reader.get(keys.epoch(room)));
        }
        RedisFuture<Long> id = reader.clientId();
        @SuppressWarnings("unchecked")
        RedisFuture<List<StreamMessage<String, String>>> read = reader.xread(
                XReadArgs.Builder.block(blockMillis).count(READ_COUNT),
                offsets.toArray(new XReadArgs.StreamOffset[0]));
        readerClientId = id.get(blockMillis + REPLY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        Set<String> restarted = new HashSet<>();
        for (Map.Entry<String, RedisFuture<String>> e : epochs.entrySet()) {
            long now = EntryCodec.parseLong(e.getValue().get(blockMillis + REPLY_GRACE_MILLIS, TimeUnit.MILLISECONDS),
                    -1);
            if (now > 0 && now != epochByRoom.get(e.getKey())) {
                restart(e.getKey(), now, snapshot);
                restarted.add(e.getKey());
            }
        }
        if (generation != seenGeneration || !restarted.isEmpty()) {
            // a tail came while the read was being sent (its add() may have woken a stale id), or the read waits on
            // the positions of a log that is gone
            wakeReader();
        }
        List<StreamMessage<String, String>> messages =
                read.get(blockMillis + REPLY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        if (messages != null) {
            deliver(messages, snapshot, roomByLogKey, restarted);
        }
    }

    /** {@code room}'s log was recreated as {@code epoch}: its tails start again at its beginning. */
    private void restart(String room, long epoch, Map<String, List<Handle>> snapshot) {
        LOG.info("room {}: its log was recreated (epoch {} -> {}); tails start again at its beginning", room,
                epochByRoom.get(room), epoch);
        newLogs.incrementAndGet();
        epochByRoom.put(room, epoch);
        for (Handle h : snapshot.get(room)) {
            h.lastSeq = 0;
        }
    }

    private void deliver(List<StreamMessage<String, String>> messages, Map<String, List<Handle>> snapshot,
                         Map<String, String> roomByLogKey, Set<String> restarted) {
        for (StreamMessage<String, String> m : messages) {
            String room = roomByLogKey.get(m.getStream());
            if (room == null || restarted.contains(room)) {
                continue; // a restarted room is read again from its new log's beginning
            }
            long entryEpoch = EntryCodec.parseLong(m.getBody().get("e"), -1);
            if (entryEpoch > 0 && entryEpoch != epochByRoom.get(room)) {
                restart(room, entryEpoch, snapshot);
                restarted.add(room);
                continue;
            }
            long seq = EntryCodec.seqOf(m.getId());
            Optional<StoredMessage> decoded = EntryCodec.decode(room, epochByRoom.get(room), m.getId(), m.getBody(),
                    false);
            if (decoded.isEmpty()) {
                malformed.incrementAndGet();
                LOG.warn("skipped a malformed entry {} in {}", m.getId(), m.getStream());
            }
            for (Handle h : snapshot.get(room)) {
                if (h.closed || seq <= h.lastSeq) {
                    continue;
                }
                h.lastSeq = seq;
                decoded.ifPresent(msg -> notify(h, msg));
            }
        }
    }

    private void notify(Handle h, StoredMessage msg) {
        try {
            h.listener.accept(msg);
        } catch (RuntimeException e) {
            listenerFailures.incrementAndGet();
            LOG.warn("a tail listener of {} failed on seq {}", msg.room(), msg.seq(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        long id = readerClientId;
        if (id >= 0) {
            control.clientUnblock(id, UnblockType.TIMEOUT);
        }
        connection.close();
        try {
            thread.join(blockMillis + REPLY_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One tail; its position is written by the reader thread only. */
    private final class Handle implements MessageStore.Tail {
        final String room;
        final Consumer<StoredMessage> listener;
        volatile long lastSeq;
        volatile boolean closed;

        Handle(String room, long afterSeq, Consumer<StoredMessage> listener) {
            this.room = room;
            this.lastSeq = afterSeq;
            this.listener = listener;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                remove(this);
            }
        }
    }
}
