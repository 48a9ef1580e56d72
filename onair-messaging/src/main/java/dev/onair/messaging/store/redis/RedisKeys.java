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
 * </pre>
 * ({@code n} is the sender's length in UTF-8 bytes, so that no sender/clientMsgId pair reads as another.)
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

    String idempotency(String room, String sender, String clientMsgId) {
        return base(room) + "idem:" + sender.getBytes(StandardCharsets.UTF_8).length + ":" + sender + ":"
                + clientMsgId;
    }
}
