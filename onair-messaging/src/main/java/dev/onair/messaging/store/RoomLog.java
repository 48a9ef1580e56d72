package dev.onair.messaging.store;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's log in memory: its epoch, next sequence, bounded history, idempotency index and tails, all under the
 * room's own lock (messaging is not the media path). Tails are called in sequence order under that lock, so a
 * listener must not block. A listener may append (e.g. a presence message when a delivery closes a slow consumer): that
 * message is delivered to every tail after the current one, never in the middle of its fan-out.
 */
final class RoomLog {
    private static final Logger LOG = LoggerFactory.getLogger(RoomLog.class);
    /** The body a deleted message reads. */
    static final String DELETED_BODY = "null";

    private final String room;
    private final long epoch;
    private final long maxAgeMillis;
    private final MessageRing history;
    private final IdempotencyIndex idempotency;
    private final List<TailHandle> tails = new CopyOnWriteArrayList<>();
    /** Messages stored but not yet delivered to every tail (more than one only when a listener appended). */
    private final ArrayDeque<StoredMessage> undelivered = new ArrayDeque<>();
    private boolean delivering;
    private long lastSeq;

    RoomLog(String room, long epoch, HistoryLimits limits) {
        this.room = room;
        this.epoch = epoch;
        this.maxAgeMillis = limits.maxAgeMillis();
        this.history = new MessageRing(limits.maxMessages());
        this.idempotency = new IdempotencyIndex(limits.maxAgeMillis(), Math.max(4_096, 4 * limits.maxMessages()));
    }

    synchronized AppendResult append(Draft draft, long nowMillis) {
        trim(nowMillis);
        if (draft.clientMsgId() != null) {
            StoredMessage earlier = idempotency.find(draft.sender(), draft.clientMsgId(), nowMillis);
            if (earlier != null) {
                if (!earlier.draft().sameContent(draft)) {
                    return AppendResult.conflicting();
                }
                StoredMessage current = history.get(earlier.seq());
                return AppendResult.duplicateOf(current != null ? current : earlier);
            }
        }
        StoredMessage m = new StoredMessage(room, epoch, ++lastSeq, nowMillis, draft, false);
        history.add(m);
        idempotency.remember(m);
        if (draft.kind() == MessageKind.DELETE) {
            markDeleted(draft.targetSeq());
        }
        publish(m);
        return AppendResult.stored(m);
    }

    /** Delivers {@code m} to every tail, after the messages being delivered when a listener appended it. */
    private void publish(StoredMessage m) {
        undelivered.add(m);
        if (delivering) {
            return; // appended by a listener on this thread: the loop below delivers it next
        }
        delivering = true;
        try {
            StoredMessage next;
            while ((next = undelivered.poll()) != null) {
                for (TailHandle t : tails) {
                    t.deliver(next);
                }
            }
        } finally {
            delivering = false;
        }
    }

    synchronized Replay replayAfter(long clientEpoch, long afterSeq, int limit, long nowMillis) {
        trim(nowMillis);
        LogState state = stateNow();
        boolean recovered = clientEpoch == epoch && afterSeq >= 0 && afterSeq <= lastSeq
                && afterSeq >= state.oldestSeq() - 1;
        List<StoredMessage> messages = recovered ? history.after(afterSeq, limit) : history.newest(limit);
        return new Replay(recovered, state, messages);
    }

    synchronized List<StoredMessage> page(long beforeSeq, int limit, long nowMillis) {
        trim(nowMillis);
        return history.before(beforeSeq, limit);
    }

    synchronized LogState state(long nowMillis) {
        trim(nowMillis);
        return stateNow();
    }

    synchronized MessageStore.Tail tail(long afterSeq, Consumer<StoredMessage> listener, long nowMillis) {
        trim(nowMillis);
        TailHandle t = new TailHandle(listener);
        for (StoredMessage m : history.after(afterSeq, Integer.MAX_VALUE)) {
            t.deliver(m);
        }
        tails.add(t);
        return t;
    }

    synchronized int tailCount() {
        return tails.size();
    }

    private LogState stateNow() {
        StoredMessage oldest = history.oldest();
        return new LogState(epoch, lastSeq, oldest == null ? lastSeq + 1 : oldest.seq());
    }

    private void trim(long nowMillis) {
        StoredMessage oldest = history.oldest();
        while (oldest != null && nowMillis - oldest.serverTimeMillis() > maxAgeMillis) {
            history.removeOldest();
            oldest = history.oldest();
        }
    }

    private void markDeleted(long targetSeq) {
        StoredMessage target = history.get(targetSeq);
        if (target != null && !target.deleted() && target.draft().kind() != MessageKind.DELETE) {
            Draft d = target.draft();
            Draft emptied = new Draft(d.kind(), d.sender(), d.clientMsgId(), d.to(), DELETED_BODY, d.targetSeq());
            history.replace(new StoredMessage(room, epoch, target.seq(), target.serverTimeMillis(), emptied, true));
        }
    }

    private synchronized void remove(TailHandle t) {
        tails.remove(t);
    }

    /** A tail on this room; closing it takes the room's lock, so no delivery happens after close returns. */
    private final class TailHandle implements MessageStore.Tail {
        private final Consumer<StoredMessage> listener;

        TailHandle(Consumer<StoredMessage> listener) {
            this.listener = listener;
        }

        void deliver(StoredMessage m) {
            try {
                listener.accept(m);
            } catch (RuntimeException e) {
                LOG.warn("tail listener of room {} failed on seq {}", room, m.seq(), e);
            }
        }

        @Override
        public void close() {
            remove(this);
        }
    }
}
