package dev.onair.server.chat;

import io.netty.channel.EventLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fan-out batch of one event loop: connections of that loop with frames queued wait here, and one task on the loop
 * drains them all (each writes its queued frames in order and flushes once), instead of one task per connection per
 * message. A message to 1,000 connections on two loops costs two tasks, not 1,000. A run drains at most
 * {@link #MAX_CONNECTIONS_PER_RUN} connections, then yields the loop to its I/O and runs again.
 * {@link #add} may be called from any thread; a connection is added at most once until it was drained (its own flag).
 */
final class ChatOutbox {
    /** Connections drained by one task before the loop gets to its I/O again. */
    static final int MAX_CONNECTIONS_PER_RUN = 1024;

    private final EventLoop loop;
    private final Queue<ChatConnection> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable run = this::run;

    ChatOutbox(EventLoop loop) {
        this.loop = loop;
    }

    EventLoop loop() {
        return loop;
    }

    /** {@code connection} (of this loop) has frames queued: it is drained by the loop's next batch. */
    void add(ChatConnection connection) {
        ready.add(connection);
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(run);
        }
    }

    /** On the loop: drains the connections that are ready (each its whole queue, one flush). */
    private void run() {
        scheduled.set(false);
        ChatConnection c;
        int drained = 0;
        while (drained < MAX_CONNECTIONS_PER_RUN && (c = ready.poll()) != null) {
            c.drain();
            drained++;
        }
        if (!ready.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(run);
        }
    }
}
