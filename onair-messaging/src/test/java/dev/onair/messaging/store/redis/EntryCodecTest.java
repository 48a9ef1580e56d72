package dev.onair.messaging.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.StoredMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
    private static Map<String, String> entry(Draft d, String timeMillis) {
        List<String> flat = EntryCodec.fields(d);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            out.put(flat.get(i), flat.get(i + 1));
        }
        out.put("t", timeMillis);
        return out;
    }

    @Test
    void everyKindReadsBackAsWritten() {
        List<Draft> drafts = List.of(
                new Draft(MessageKind.CHAT, "alice", "c1", null, "{\"text\":\"hé 👋\"}", -1),
                new Draft(MessageKind.DM, "alice", "c2", "bob", "{\"text\":\"psst\"}", -1),
                new Draft(MessageKind.PRESENCE, "alice", null, null, "{\"state\":\"joined\"}", -1),
                new Draft(MessageKind.DELETE, "admin", null, null, "{}", 7));
        for (Draft d : drafts) {
            Optional<StoredMessage> m = EntryCodec.decode("r", 42, "9-0", entry(d, "1000"), false);
            assertThat(m).isPresent();
            assertThat(m.get().draft()).isEqualTo(d);
            assertThat(m.get().seq()).isEqualTo(9);
            assertThat(m.get().epoch()).isEqualTo(42);
            assertThat(m.get().serverTimeMillis()).isEqualTo(1000);
        }
    }

    @Test
    void aDeletedMessageReadsWithANullBody() {
        Draft d = new Draft(MessageKind.CHAT, "alice", "c1", null, "{\"text\":\"rude\"}", -1);
        StoredMessage m = EntryCodec.decode("r", 1, "3-0", entry(d, "5"), true).orElseThrow();
        assertThat(m.deleted()).isTrue();
        assertThat(m.draft().body()).isEqualTo("null");
        assertThat(m.draft().sender()).isEqualTo("alice");
    }

    @Test
    void malformedEntriesAreEmptyNeverAnException() {
        Draft d = new Draft(MessageKind.DELETE, "admin", null, null, "{}", 2);
        Map<String, String> good = entry(d, "5");
        assertThat(EntryCodec.decode("r", 1, "3-0", good, false)).isPresent();
        for (String field : List.of("t", "k", "s", "b", "x")) {
            Map<String, String> m = new HashMap<>(good);
            m.remove(field);
            assertThat(EntryCodec.decode("r", 1, "3-0", m, false)).as("without %s", field).isEmpty();
        }
        for (String[] bad : new String[][] {{"t", "-5"}, {"t", "soon"}, {"k", "shout"}, {"x", "0"},
                {"x", "99999999999999999999"}}) {
            Map<String, String> m = new HashMap<>(good);
            m.put(bad[0], bad[1]);
            assertThat(EntryCodec.decode("r", 1, "3-0", m, false)).as("%s=%s", bad[0], bad[1]).isEmpty();
        }
        for (String id : new String[] {"3-1", "x-0", "-0", "0-0", "3", null}) {
            assertThat(EntryCodec.decode("r", 1, id, good, false)).as("id %s", id).isEmpty();
        }
        assertThat(EntryCodec.fieldMap(List.of("k", "chat", "s"))).as("odd count").isNull();
        assertThat(EntryCodec.fieldMap(List.of("k", 5L))).as("not text").isNull();
        assertThat(EntryCodec.fieldMap("k")).isNull();
    }

    @Test
    void theFingerprintCoversExactlyWhatARetryMustRepeat() {
        Draft base = new Draft(MessageKind.CHAT, "alice", "c1", null, "{\"text\":\"hi\"}", -1);
        String fp = EntryCodec.fingerprint(base);
        assertThat(EntryCodec.fingerprint(new Draft(MessageKind.CHAT, "bob", "c9", null, "{\"text\":\"hi\"}", -1)))
                .as("sender and clientMsgId are the key, not the content").isEqualTo(fp);
        assertThat(EntryCodec.fingerprint(new Draft(MessageKind.CHAT, "alice", "c1", null, "{\"text\":\"ho\"}", -1)))
                .isNotEqualTo(fp);
        assertThat(EntryCodec.fingerprint(new Draft(MessageKind.EVENT, "alice", "c1", null, "{\"text\":\"hi\"}", -1)))
                .isNotEqualTo(fp);
        assertThat(EntryCodec.fingerprint(new Draft(MessageKind.CHAT, "alice", "c1", "", "{\"text\":\"hi\"}", -1)))
                .as("an empty recipient is not no recipient").isNotEqualTo(fp);
        assertThat(EntryCodec.fingerprint(new Draft(MessageKind.DM, "a", "c", "b", "xy", -1)))
                .as("field boundaries count").isNotEqualTo(
                        EntryCodec.fingerprint(new Draft(MessageKind.DM, "a", "c", "bx", "y", -1)));
    }
}
