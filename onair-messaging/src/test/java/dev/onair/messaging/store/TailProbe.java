package dev.onair.messaging.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A tail listener for tests: queues what it gets; {@link #await} polls with a deadline (a real Redis is async). */
public final class TailProbe implements Consumer<StoredMessage> {
    private final LinkedBlockingQueue<StoredMessage> received = new LinkedBlockingQueue<>();

    @Override
    public void accept(StoredMessage m) {
        received.add(m);
    }

    /** Up to {@code count} messages, waiting at most {@code timeout} in all; fewer when the deadline passes. */
    public List<StoredMessage> await(int count, Duration timeout) throws InterruptedException {
        List<StoredMessage> out = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count) {
            long left = deadline - System.nanoTime();
            StoredMessage m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                break;
            }
            out.add(m);
        }
        return out;
    }

    /** What arrived and was not yet taken by {@link #await}, without waiting. */
    public List<StoredMessage> drainNow() {
        List<StoredMessage> out = new ArrayList<>();
        received.drainTo(out);
        return out;
    }
}
