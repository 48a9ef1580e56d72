package dev.onair.messaging.store;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Who is muted (may read, not send) or banned (removed, may not rejoin) in which room. Implementations:
 * {@link InMemoryModerationStore} (the embedded default, one node) and {@code RedisModerationStore} (shared by every
 * node on one Redis), both held to the same contract tests.
 *
 * <p>The checks ({@link #isMuted}, {@link #isBanned}) run for every sent message and join, on the transport's event
 * loop: they never block and read a node-local view. A change made through any node reaches every node's view (and
 * its {@link Listener}) shortly after; on the node that made it, before the stage of {@link #set} completes.
 * Thread-safe.
 */
public interface ModerationStore extends AutoCloseable {
    /** What a moderation entry forbids. */
    enum Kind {
        /** May read, not send. */
        MUTE,
        /** Removed from the room; may not rejoin. */
        BAN
    }

    /** Told of each change of this node's view (made here or on another node), once per change, on any thread. */
    @FunctionalInterface
    interface Listener {
        void changed(String room, String identity, Kind kind, boolean on);
    }

    /** Sets ({@code on}) or clears {@code kind} for {@code identity} in {@code room}; completes once stored. */
    CompletionStage<Void> set(String room, String identity, Kind kind, boolean on);

    /** This node's view; never blocks. */
    boolean isMuted(String room, String identity);

    /** This node's view; never blocks. */
    boolean isBanned(String room, String identity);

    /** The identities with {@code kind} in {@code room}, as stored. */
    CompletionStage<Set<String>> list(String room, Kind kind);

    /** Adds a listener of changes. */
    void listen(Listener listener);

    @Override
    void close();
}
