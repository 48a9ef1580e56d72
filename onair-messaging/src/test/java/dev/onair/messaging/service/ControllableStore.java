package dev.onair.messaging.service;

import dev.onair.messaging.store.AppendResult;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.Replay;
import dev.onair.messaging.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A store for tests that delegates to another but can hold replays (read at call time, completed on
 * {@link #releaseReplays}) and fail appends: what a slow or broken remote store does.
 */
final class ControllableStore implements MessageStore {
    private final MessageStore inner;
    private final List<Runnable> heldReplays = new ArrayList<>();
    private final List<Consumer<StoredMessage>> listeners = new ArrayList<>();
    private boolean holdReplays;
    private boolean failAppends;
    private boolean deferReads;

    ControllableStore(MessageStore inner) {
        this.inner = inner;
    }

    synchronized void holdReplays(boolean hold) {
        holdReplays = hold;
    }

    /** Held replays read the log when released (not when asked): they then overlap the live messages. */
    synchronized void deferReads(boolean defer) {
        deferReads = defer;
    }

    synchronized void failAppends(boolean fail) {
        failAppends = fail;
    }

    /** Completes the held replays, in the order they were asked. */
    void releaseReplays() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(heldReplays);
            heldReplays.clear();
        }
        now.forEach(Runnable::run);
    }

    synchronized int heldReplayCount() {
        return heldReplays.size();
    }

    @Override
    public CompletionStage<AppendResult> append(String room, Draft draft) {
        synchronized (this) {
            if (failAppends) {
                return CompletableFuture.failedFuture(new IllegalStateException("store down"));
            }
        }
        return inner.append(room, draft);
    }

    @Override
    public CompletionStage<Replay> replayAfter(String room, long epoch, long afterSeq, int limit) {
        synchronized (this) {
            if (holdReplays && deferReads) {
                CompletableFuture<Replay> later = new CompletableFuture<>();
                heldReplays.add(() -> later.complete(
                        inner.replayAfter(room, epoch, afterSeq, limit).toCompletableFuture().join()));
                return later;
            }
        }
        Replay read = inner.replayAfter(room, epoch, afterSeq, limit).toCompletableFuture().join();
        synchronized (this) {
            if (holdReplays) {
                CompletableFuture<Replay> later = new CompletableFuture<>();
                heldReplays.add(() -> later.complete(read));
                return later;
            }
        }
        return CompletableFuture.completedFuture(read);
    }

    @Override
    public CompletionStage<List<StoredMessage>> page(String room, long beforeSeq, int limit) {
        return inner.page(room, beforeSeq, limit);
    }

    @Override
    public CompletionStage<LogState> state(String room) {
        return inner.state(room);
    }

    @Override
    public Tail tail(String room, long afterSeq, Consumer<StoredMessage> listener) {
        synchronized (this) {
            listeners.add(listener);
        }
        Tail t = inner.tail(room, afterSeq, listener);
        return () -> {
            synchronized (this) {
                listeners.remove(listener);
            }
            t.close();
        };
    }

    /** Hands {@code m} to every open tail as if a node had stored it (e.g. of a new epoch). */
    void injectLive(StoredMessage m) {
        List<Consumer<StoredMessage>> now;
        synchronized (this) {
            now = new ArrayList<>(listeners);
        }
        now.forEach(l -> l.accept(m));
    }

    @Override
    public void close() {
        inner.close();
    }
}
