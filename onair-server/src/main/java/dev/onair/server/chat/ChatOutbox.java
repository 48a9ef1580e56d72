package dev.onair.server.chat;

import dev.onair.transport.clock.MediaClock;
import io.netty.channel.EventLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fan-out batches of one event loop. A connection with frames queued is added here (once until it was drained,
 * by its own flag), and one task on the loop drains every ready connection: each writes all its queued frames as one
 * buffer with one flush. A message to 1,000 connections on two loops costs two tasks, not 1,000.
 *
 * <p>Write window: a connection written less than {@code writeWindowNanos} ago waits for the window's end before it
 * is written again, so a connection that receives many messages a second gets them a few per write (one system call
 * and one wake-up of the reader for several frames) instead of one write per message; a connection that receives
 * fewer than one message per window is written at once. One timer per loop serves every waiting connection: a
 * connection waits at most one window. A run drains at most {@link #MAX_CONNECTIONS_PER_RUN} connections, then yields
 * the loop to its I/O and runs again. {@link #add} may be called from any thread.
 */
final class ChatOutbox {
    /** Connections drained by one task before the loop gets to its I/O again. */
    static final int MAX_CONNECTIONS_PER_RUN = 1024;

    private final EventLoop loop;
    private final MediaClock clock;
    private final long writeWindowNanos;
    private final Queue<ChatConnection> ready = new ConcurrentLinkedQueue<>();
    private final Queue<ChatConnection> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean readyScheduled = new AtomicBoolean();
    private final AtomicBoolean waitingScheduled = new AtomicBoolean();
    private final Runnable runReady = this::runReady;
    private final Runnable runWaiting = this::runWaiting;

    ChatOutbox(EventLoop loop, MediaClock clock, long writeWindowMillis) {
        if (writeWindowMillis < 0) {
            throw new IllegalArgumentException("writeWindowMillis must not be negative: " + writeWindowMillis);
        }
        this.loop = loop;
        this.clock = clock;
        this.writeWindowNanos = TimeUnit.MILLISECONDS.toNanos(writeWindowMillis);
    }

    EventLoop loop() {
        return loop;
    }

    long nowNanos() {
        return clock.nanoTime();
    }

    /** {@code connection} (of this loop), last written at {@code lastWriteNanos}, has frames queued. */
    void add(ChatConnection connection, long lastWriteNanos) {
        long sinceWrite = clock.nanoTime() - lastWriteNanos;
        if (sinceWrite >= writeWindowNanos || sinceWrite < 0) {
            ready.add(connection);
            if (readyScheduled.compareAndSet(false, true)) {
                loop.execute(runReady);
            }
        } else {
            waiting.add(connection);
            if (waitingScheduled.compareAndSet(false, true)) {
                loop.schedule(runWaiting, writeWindowNanos - sinceWrite, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** On the loop: drains the connections that are ready (each its whole queue, one write). */
    private void runReady() {
        readyScheduled.set(false);
        if (drain(ready) && readyScheduled.compareAndSet(false, true)) {
            loop.execute(runReady);
        }
    }

    /** On the loop, at the window's end: drains the connections that waited for it. */
    private void runWaiting() {
        waitingScheduled.set(false);
        if (drain(waiting) && waitingScheduled.compareAndSet(false, true)) {
            loop.execute(runWaiting);
        }
    }

    /** Drains up to {@link #MAX_CONNECTIONS_PER_RUN} of {@code queue}; true when some are left. */
    private boolean drain(Queue<ChatConnection> queue) {
        long now = clock.nanoTime();
        ChatConnection c;
        int drained = 0;
        while (drained < MAX_CONNECTIONS_PER_RUN && (c = queue.poll()) != null) {
            c.drain(now);
            drained++;
        }
        return !queue.isEmpty();
    }
}
