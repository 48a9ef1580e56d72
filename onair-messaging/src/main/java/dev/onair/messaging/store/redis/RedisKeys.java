package dev.onair.messaging.store.redis;

import java.nio.charset.StandardCharsets;

/**
 * The key layout of one room, all hash-tagged with the room so that one script's keys share a Redis Cluster slot:
 * <pre>
 *   {prefix}{room}:epoch          string  the log's epoch, set once (SET NX)
 *   {prefix}{room}:seq            string  the last sequence taken (INCR)
 *   {prefix}{room}:log            stream  the messages, entry id "&lt;seq&gt;-0"
 *   {prefix}{room}:del            zset    the deleted sequences (score = member = seq), trimmed with the log
 *   {prefix}{room}:idem:&lt;n&gt;:&lt;sender&gt;:&lt;clientMsgId&gt;   string "seq:timeMillis:fingerprint", TTL = history age
 *   {prefix}{room}:muted          set     identities muted in the room ({@link RedisModerationStore})
 *   {prefix}{room}:banned         set     identities banned from the room
 *   {prefix}moderation            pub/sub channel of moderation changes (not a key)
 * </pre>
 * ({@code n} is the sender's length in UTF-8 bytes, so that no sender/clientMsgId pair reads as another.)
 *
 * <p><b>Expiry.</b> Every per-room key but the idempotency keys has a TTL of {@link RedisStoreOptions#roomIdleTtlMillis}
 * (default: history age + 1 h), set when the key is made and refreshed by every append: a room nobody writes to
 * vanishes from Redis once its history could hold nothing anyway; its next append starts a new epoch. A moderation
 * change refreshes that room's set too. The idempotency keys keep their own TTL (history age).
 */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String base(String room) {
        return prefix + "{" + room + "}:";
    }

    String epoch(String room) {
        return base(room) + "epoch";
    }

    String seq(String room) {
        return base(room) + "seq";
    }

    String log(String room) {
        return base(room) + "log";
    }

    String deleted(String room) {
        return base(room) + "del";
    }

    String muted(String room) {
        return base(room) + "muted";
    }

    String banned(String room) {
        return base(room) + "banned";
    }

    /** The pub/sub channel of moderation changes. */
    String moderationChannel() {
        return prefix + "moderation";
    }

    /** A SCAN pattern matching every room's set of {@code suffix} ("muted", "banned"). */
    String scanPattern(String suffix) {
        StringBuilder b = new StringBuilder(prefix.length() + 16);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append("{*}:").append(suffix).toString();
    }

    /** The room of a key made by {@code base(room) + suffix}, or null when it is not one. */
    String roomOf(String key, String suffix) {
        String head = prefix + "{";
        String tail = "}:" + suffix;
        if (!key.startsWith(head) || !key.endsWith(tail) || key.length() < head.length() + tail.length()) {
            return null;
        }
        return key.substring(head.length(), key.length() - tail.length());
    }

    String idempotency(String room, String sender, String clientMsgId) {
        return base(room) + "idem:" + sender.getBytes(StandardCharsets.UTF_8).length + ":" + sender + ":"
                + clientMsgId;
    }
}
