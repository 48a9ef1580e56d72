package dev.onair.messaging.service;

import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.wire.OutboundFrame;
import dev.onair.messaging.wire.ServerFrames;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A room on this node: its sessions, its one tail on the store (opened with the first session, closed with the last)
 * and its rate limiters. Each stored message is written to a frame and encoded to UTF-8 once, then offered to every
 * session.
 */
final class RoomChannel {
    private final String room;
    private final CopyOnWriteArrayList<Session> sessions = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final LongAdder delivered;
    private MessageStore.Tail tail; // guarded by this
    private boolean closed; // guarded by this
    boolean opening; // guarded by the service's lock

    RoomChannel(String room, LongAdder delivered) {
        this.room = room;
        this.delivered = delivered;
    }

    String room() {
        return room;
    }

    /** Completes once the tail is open: sessions start their replay after it (so nothing falls between). */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Opens the tail after the log's current last sequence. */
    void open(MessageStore store) {
        store.state(room).whenComplete((state, err) -> {
            if (err != null) {
                ready.completeExceptionally(err);
                return;
            }
            MessageStore.Tail t;
            try {
                t = store.tail(room, state.lastSeq(), this::onStored);
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                return;
            }
            boolean keep;
            synchronized (this) {
                keep = !closed;
                if (keep) {
                    tail = t;
                }
            }
            if (!keep) {
                t.close();
            }
            ready.complete(null);
        });
    }

    /** Closes the tail (outside any service lock: a store may take its own). */
    void shutdown() {
        MessageStore.Tail t;
        synchronized (this) {
            closed = true;
            t = tail;
            tail = null;
        }
        if (t != null) {
            t.close();
        }
    }

    synchronized boolean tailOpen() {
        return tail != null;
    }

    void add(Session s) {
        sessions.add(s);
    }

    boolean remove(Session s) {
        return sessions.remove(s);
    }

    boolean isEmpty() {
        return sessions.isEmpty();
    }

    int size() {
        return sessions.size();
    }

    List<Session> sessions() {
        return sessions;
    }

    boolean hasIdentity(String identity) {
        for (Session s : sessions) {
            if (s.identity().equals(identity)) {
                return true;
            }
        }
        return false;
    }

    TokenBucket bucket(String identity, MessagingConfig config, long nowMillis) {
        return buckets.computeIfAbsent(identity,
                id -> new TokenBucket(config.rateLimitPerSecond(), config.rateLimitBurst(), nowMillis));
    }

    private void onStored(StoredMessage m) {
        OutboundFrame frame = OutboundFrame.of(ServerFrames.msg(m));
        long offered = 0;
        for (Session s : sessions) {
            if (s.deliverLive(m, frame)) {
                offered++;
            }
        }
        delivered.add(offered);
    }
}
