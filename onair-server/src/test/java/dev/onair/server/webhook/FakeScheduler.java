package dev.onair.server.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic scheduler: tasks (delayed or not) run only in {@link #runAll()}, on the test thread, in
 * submission order; the requested delays are recorded instead of waited for.
 */
final class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    final List<Long> delaysMillis = new ArrayList<>();
    private boolean shutdown;

    /** Runs tasks until none is left (tasks may submit more); returns how many ran. */
    int runAll() {
        int n = 0;
        Runnable r;
        while ((r = poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }

    @Override
    public synchronized void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        tasks.add(command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        synchronized (this) {
            delaysMillis.add(unit.toMillis(delay));
        }
        FutureTask<Void> task = new FutureTask<>(command, null);
        execute(task);
        return new Handle<>(task);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        synchronized (this) {
            delaysMillis.add(unit.toMillis(delay));
        }
        FutureTask<V> task = new FutureTask<>(callable);
        execute(task);
        return new Handle<>(task);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(tasks);
        tasks.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** A scheduled future over a {@link FutureTask}; ordering and delay are meaningless here. */
    private record Handle<V>(FutureTask<V> task) implements ScheduledFuture<V> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return task.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public V get() throws InterruptedException, java.util.concurrent.ExecutionException {
            return task.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws InterruptedException, java.util.concurrent.ExecutionException,
                java.util.concurrent.TimeoutException {
            return task.get(timeout, unit);
        }
    }
}
