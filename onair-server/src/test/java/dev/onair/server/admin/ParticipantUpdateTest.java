package dev.onair.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParticipantUpdateTest {

    private static ParticipantUpdate.Parsed parse(String body) {
        return ParticipantUpdate.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nameAndOrMetadata() {
        assertThat(parse("{\"name\":\"Alice\",\"metadata\":\"{}\"}").update())
                .isEqualTo(new ParticipantUpdate("Alice", "{}"));
        assertThat(parse("{\"name\":\"Alice\"}").update()).isEqualTo(new ParticipantUpdate("Alice", null));
        assertThat(parse("{\"metadata\":\"\",\"name\":null}").update()).as("\"\" clears, null leaves unchanged")
                .isEqualTo(new ParticipantUpdate(null, ""));
    }

    @Test
    void metadataIsLimitedTo1KiBOfUtf8() {
        String twoByteChars = "\u00e9".repeat(512);
        assertThat(parse("{\"metadata\":\"" + twoByteChars + "\"}").update()).isNotNull();
        assertThat(parse("{\"metadata\":\"" + twoByteChars + "a\"}").error()).isEqualTo(ParticipantUpdate.BAD_METADATA);
        assertThat(parse("{\"metadata\":\"" + "a".repeat(1024) + "\"}").update()).isNotNull();
        assertThat(parse("{\"metadata\":\"" + "a".repeat(1025) + "\"}").error()).isEqualTo(ParticipantUpdate.BAD_METADATA);
    }

    @Test
    void refusalsCarryTheirReason() {
        assertThat(parse("").error()).isEqualTo(ParticipantUpdate.NOT_AN_OBJECT);
        assertThat(parse("{").error()).isEqualTo(ParticipantUpdate.NOT_AN_OBJECT);
        assertThat(parse("[]").error()).isEqualTo(ParticipantUpdate.NOT_AN_OBJECT);
        assertThat(parse("{}").error()).isEqualTo(ParticipantUpdate.NOTHING);
        assertThat(parse("{\"metdata\":\"x\"}").error()).as("typos are not silently ignored")
                .isEqualTo(ParticipantUpdate.NOTHING);
        assertThat(parse("{\"name\":5}").error()).isEqualTo(ParticipantUpdate.BAD_NAME);
        assertThat(parse("{\"name\":\"" + "n".repeat(129) + "\"}").error()).isEqualTo(ParticipantUpdate.BAD_NAME);
        assertThat(parse("{\"name\":\"" + "n".repeat(128) + "\"}").update()).isNotNull();
        assertThat(parse("{\"metadata\":{\"seat\":3}}").error()).as("metadata is a string")
                .isEqualTo(ParticipantUpdate.BAD_METADATA);
    }

    @Test
    void everyPrefixParsesWithoutThrowing() {
        String v = "{\"name\":\"Alice\",\"metadata\":\"{\\\"seat\\\":3}\"}";
        for (int i = 0; i <= v.length(); i++) {
            ParticipantUpdate.Parsed p = parse(v.substring(0, i));
            assertThat(p.update() == null).isNotEqualTo(p.error() == null);
        }
    }

    /** Any bytes give exactly one of an update or an error. */
    @FuzzTest(maxDuration = "10s")
    void parseNeverThrows(byte[] body) {
        ParticipantUpdate.Parsed p = ParticipantUpdate.parse(body);
        assertThat(p.update() == null).isNotEqualTo(p.error() == null);
    }
}
