package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message as stream entry fields and back. Fields: {@code t} server time (ms, written by the script), {@code k} the
 * kind's wire name, {@code s} sender, {@code c} clientMsgId, {@code o} the DM recipient, {@code x} a DELETE's target
 * seq (each of c, o, x only when present), {@code b} the body. Reading never throws: a malformed entry is empty.
 */
final class EntryCodec {
    /** What a deleted message's body reads. */
    static final String DELETED_BODY = "null";

    private EntryCodec() {
    }

    /** The entry's field/value pairs, except the time. */
    static List<String> fields(Draft d) {
        List<String> out = new ArrayList<>(12);
        add(out, "k", d.kind().wireName());
        add(out, "s", d.sender());
        if (d.clientMsgId() != null) {
            add(out, "c", d.clientMsgId());
        }
        if (d.to() != null) {
            add(out, "o", d.to());
        }
        if (d.kind() == MessageKind.DELETE) {
            add(out, "x", Long.toString(d.targetSeq()));
        }
        add(out, "b", d.body());
        return out;
    }

    private static void add(List<String> out, String field, String value) {
        out.add(field);
        out.add(value);
    }

    /** A digest of what an idempotent retry must repeat (kind, recipient, body, target), length-prefixed fields. */
    static String fingerprint(Draft d) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digestField(sha, d.kind().wireName());
            digestField(sha, d.to());
            digestField(sha, d.body());
            digestField(sha, Long.toString(d.targetSeq()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void digestField(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    /** The seq of an entry id {@code "<seq>-0"}; -1 when it is not one. */
    static long seqOf(String id) {
        if (id == null) {
            return -1;
        }
        int dash = id.indexOf('-');
        if (dash <= 0 || !id.substring(dash + 1).equals("0")) {
            return -1;
        }
        return parseLong(id.substring(0, dash), -1);
    }

    /** The message of one entry; empty when the entry is malformed. */
    static Optional<StoredMessage> decode(String room, long epoch, String id, Map<String, String> f,
                                          boolean deleted) {
        long seq = seqOf(id);
        long time = parseLong(f.get("t"), -1);
        Optional<MessageKind> kind = MessageKind.fromWire(f.get("k"));
        String sender = f.get("s");
        String body = f.get("b");
        if (seq < 1 || time < 0 || kind.isEmpty() || sender == null || body == null) {
            return Optional.empty();
        }
        long target = -1;
        if (kind.get() == MessageKind.DELETE) {
            target = parseLong(f.get("x"), -1);
            if (target < 1) {
                return Optional.empty();
            }
        }
        Draft draft = new Draft(kind.get(), sender, f.get("c"), f.get("o"), deleted ? DELETED_BODY : body, target);
        return Optional.of(new StoredMessage(room, epoch, seq, time, draft, deleted));
    }

    /** Fields as a flat list {f1, v1, f2, v2...} (what a script returns) to a map; null when malformed. */
    static Map<String, String> fieldMap(Object flat) {
        if (!(flat instanceof List<?> list) || list.size() % 2 != 0) {
            return null;
        }
        Map<String, String> out = new HashMap<>(list.size());
        for (int i = 0; i < list.size(); i += 2) {
            if (!(list.get(i) instanceof String k) || !(list.get(i + 1) instanceof String v)) {
                return null;
            }
            out.put(k, v);
        }
        return out;
    }

    static long parseLong(String s, long otherwise) {
        if (s == null || s.isEmpty() || s.length() > 19) {
            return otherwise;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return otherwise;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
