package dev.onair.client;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's periodic tasks by name (ICE retransmits, consent checks, sender reports, audio, video) on one
 * scheduler thread. Real time is fine here: this is a client tool, not server media code. Thread-safe.
 */
final class PeerTimers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerTimers.class);
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScheduledFuture<?>> tasks = new HashMap<>();

    PeerTimers(String name) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-client-timer-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} now and then every {@code periodMillis}; replaces a task of the same name. */
    synchronized void start(String name, long periodMillis, Runnable task) {
        stop(name);
        if (scheduler.isShutdown()) {
            return;
        }
        tasks.put(name, scheduler.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("timer task {} failed", name, e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS));
    }

    synchronized boolean isRunning(String name) {
        ScheduledFuture<?> f = tasks.get(name);
        return f != null && !f.isDone();
    }

    synchronized void stop(String name) {
        ScheduledFuture<?> f = tasks.remove(name);
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public synchronized void close() {
        tasks.values().forEach(f -> f.cancel(false));
        tasks.clear();
        scheduler.shutdownNow();
    }
}
