package dev.onair.messaging.service;

import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads what a joining or resuming session must be sent: a snapshot of the newest messages, or exactly the missed
 * ones, paged from the store up to the log's last sequence when the first page was read.
 */
final class Replayer {
    private final MessageStore store;
    private final int snapshotSize;
    private final int pageSize;

    Replayer(MessageStore store, int snapshotSize, int pageSize) {
        this.store = store;
        this.snapshotSize = snapshotSize;
        this.pageSize = pageSize;
    }

    /** A fresh join: the newest {@code snapshotSize} messages. */
    CompletionStage<Synced> snapshot(String room) {
        return store.state(room).thenCompose(state -> store.replayAfter(room, state.epoch(),
                Math.max(0, state.lastSeq() - snapshotSize), Math.max(1, snapshotSize)).thenApply(r -> {
                    List<StoredMessage> ms = newest(r.messages());
                    return new Synced(false, true, r.state().epoch(), r.state().lastSeq(), ms,
                            cursorAfter(ms, r.state().lastSeq()));
                }));
    }

    /** A resume after {@code lastSeq} of {@code epoch}: exactly what was missed, else a snapshot. */
    CompletionStage<Synced> replay(String room, long epoch, long lastSeq) {
        return store.replayAfter(room, epoch, lastSeq, pageSize).thenCompose(first -> {
            if (!first.recovered()) {
                List<StoredMessage> ms = newest(first.messages());
                return CompletableFuture.completedFuture(new Synced(false, false, first.state().epoch(),
                        first.state().lastSeq(), ms, cursorAfter(ms, first.state().lastSeq())));
            }
            List<StoredMessage> all = new ArrayList<>(first.messages());
            return pageOn(room, first.state(), lastSeq, all, first.messages().size() == pageSize);
        });
    }

    private CompletionStage<Synced> pageOn(String room, LogState target, long afterSeq, List<StoredMessage> all,
            boolean more) {
        long cursor = cursorAfter(all, afterSeq);
        if (!more || cursor >= target.lastSeq()) {
            return CompletableFuture.completedFuture(
                    new Synced(true, false, target.epoch(), target.lastSeq(), all, cursor));
        }
        return store.replayAfter(room, target.epoch(), cursor, pageSize).thenCompose(next -> {
            if (!next.recovered()) { // trimmed while paging: what we hold is still exact up to the cursor
                return CompletableFuture.completedFuture(
                        new Synced(true, false, target.epoch(), target.lastSeq(), all, cursor));
            }
            all.addAll(next.messages());
            return pageOn(room, target, afterSeq, all, next.messages().size() == pageSize);
        });
    }

    private List<StoredMessage> newest(List<StoredMessage> ms) {
        return ms.size() <= snapshotSize ? ms : ms.subList(ms.size() - snapshotSize, ms.size());
    }

    /** The last sequence a session holds after {@code ms}: the last one, or {@code otherwise} when none. */
    private static long cursorAfter(List<StoredMessage> ms, long otherwise) {
        return ms.isEmpty() ? otherwise : ms.get(ms.size() - 1).seq();
    }
}
