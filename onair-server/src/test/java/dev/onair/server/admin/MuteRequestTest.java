package dev.onair.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MuteRequestTest {

    private static MuteRequest.Parsed parse(String body) {
        return MuteRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mutedTrueOrFalse() {
        assertThat(parse("{\"muted\":true}").request()).isEqualTo(new MuteRequest(true));
        assertThat(parse("{\"muted\":false,\"other\":1}").request()).isEqualTo(new MuteRequest(false));
    }

    @Test
    void anythingButABooleanIsRefused() {
        for (String bad : new String[] {"", "{", "{}", "null", "[true]", "{\"muted\":null}", "{\"muted\":1}",
                "{\"muted\":\"true\"}"}) {
            assertThat(parse(bad).error()).as(bad).isEqualTo(MuteRequest.BAD_BODY);
            assertThat(parse(bad).request()).isNull();
        }
    }

    @Test
    void everyPrefixParsesWithoutThrowing() {
        String v = "{\"muted\":true}";
        for (int i = 0; i <= v.length(); i++) {
            MuteRequest.Parsed p = parse(v.substring(0, i));
            assertThat(p.request() == null).isNotEqualTo(p.error() == null);
        }
    }

    /** Any bytes give exactly one of a request or an error. */
    @FuzzTest(maxDuration = "10s")
    void parseNeverThrows(byte[] body) {
        MuteRequest.Parsed p = MuteRequest.parse(body);
        assertThat(p.request() == null).isNotEqualTo(p.error() == null);
    }
}
