package dev.onair.messaging.store;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which (sender, clientMsgId) a room already stored, for idempotent retries: entries expire with the history's age and
 * the index holds at most {@code maxEntries} (oldest forgotten first). Not thread-safe (its {@link RoomLog} guards it).
 */
final class IdempotencyIndex {
    private record Entry(String key, StoredMessage original) {
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private final ArrayDeque<Entry> byAge = new ArrayDeque<>();
    private final long maxAgeMillis;
    private final int maxEntries;

    IdempotencyIndex(long maxAgeMillis, int maxEntries) {
        this.maxAgeMillis = maxAgeMillis;
        this.maxEntries = maxEntries;
    }

    /** The message first stored under this sender's id (as stored then), or null. */
    StoredMessage find(String sender, String clientMsgId, long nowMillis) {
        expire(nowMillis);
        Entry e = byKey.get(key(sender, clientMsgId));
        return e == null ? null : e.original();
    }

    void remember(StoredMessage m) {
        Draft d = m.draft();
        if (d.clientMsgId() == null) {
            return;
        }
        Entry e = new Entry(key(d.sender(), d.clientMsgId()), m);
        byKey.put(e.key(), e);
        byAge.addLast(e);
        while (byAge.size() > maxEntries) {
            forget(byAge.removeFirst());
        }
    }

    int size() {
        return byKey.size();
    }

    private void expire(long nowMillis) {
        while (!byAge.isEmpty() && nowMillis - byAge.peekFirst().original().serverTimeMillis() > maxAgeMillis) {
            forget(byAge.removeFirst());
        }
    }

    private void forget(Entry e) {
        byKey.remove(e.key(), e);
    }

    private static String key(String sender, String clientMsgId) {
        return sender.length() + ":" + sender + clientMsgId;
    }
}
