package dev.onair.messaging.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModerationStore} in this process's memory: the embedded default, and the node-local view that
 * {@code RedisModerationStore} keeps current ({@link #apply}). Thread-safe; the checks are two hash lookups.
 */
public final class InMemoryModerationStore implements ModerationStore {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryModerationStore.class);

    /** Per kind: room → identities. */
    private final Map<String, Set<String>> muted = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> banned = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> set(String room, String identity, Kind kind, boolean on) {
        apply(room, identity, kind, on);
        return CompletableFuture.completedFuture(null);
    }

    /** Changes the view; when that changed anything, tells the listeners. Returns whether it changed. */
    public boolean apply(String room, String identity, Kind kind, boolean on) {
        Map<String, Set<String>> byRoom = kind == Kind.MUTE ? muted : banned;
        boolean[] changed = {false};
        byRoom.compute(room, (r, set) -> {
            Set<String> s = set != null ? set : ConcurrentHashMap.newKeySet();
            changed[0] = on ? s.add(identity) : s.remove(identity);
            return s.isEmpty() ? null : s;
        });
        if (changed[0]) {
            for (Listener l : listeners) {
                try {
                    l.changed(room, identity, kind, on);
                } catch (RuntimeException e) {
                    LOG.warn("a moderation listener failed on {} {} in {}", kind, identity, room, e);
                }
            }
        }
        return changed[0];
    }

    @Override
    public boolean isMuted(String room, String identity) {
        Set<String> s = muted.get(room);
        return s != null && s.contains(identity);
    }

    @Override
    public boolean isBanned(String room, String identity) {
        Set<String> s = banned.get(room);
        return s != null && s.contains(identity);
    }

    @Override
    public CompletionStage<Set<String>> list(String room, Kind kind) {
        Set<String> s = (kind == Kind.MUTE ? muted : banned).get(room);
        return CompletableFuture.completedFuture(s == null ? Set.of() : Set.copyOf(s));
    }

    /** Every room with an entry of {@code kind} in this view. */
    public Set<String> rooms(Kind kind) {
        return Set.copyOf((kind == Kind.MUTE ? muted : banned).keySet());
    }

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        // nothing held
    }
}
