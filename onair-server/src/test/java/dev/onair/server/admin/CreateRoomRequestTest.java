package dev.onair.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.onair.sfu.api.RoomKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CreateRoomRequestTest {

    private static CreateRoomRequest.Parsed parse(String body) {
        return CreateRoomRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nameAndKind() {
        assertThat(parse("{\"name\":\"studio\",\"kind\":\"broadcast\"}").request())
                .isEqualTo(new CreateRoomRequest("studio", RoomKind.BROADCAST));
        assertThat(parse("{\"name\":\"a.b-c_1\"}").request())
                .isEqualTo(new CreateRoomRequest("a.b-c_1", RoomKind.CONFERENCE));
        assertThat(parse("{\"name\":\"r\",\"kind\":null}").request()).isEqualTo(new CreateRoomRequest("r", RoomKind.CONFERENCE));
    }

    @Test
    void refusalsCarryTheirReason() {
        assertThat(parse("").error()).isEqualTo(CreateRoomError.NOT_AN_OBJECT);
        assertThat(parse("{").error()).isEqualTo(CreateRoomError.NOT_JSON);
        assertThat(parse("[1]").error()).isEqualTo(CreateRoomError.NOT_AN_OBJECT);
        assertThat(parse("{\"name\":5}").error()).isEqualTo(CreateRoomError.BAD_NAME);
        assertThat(parse("{\"name\":\"" + "r".repeat(65) + "\"}").error()).isEqualTo(CreateRoomError.BAD_NAME);
        assertThat(parse("{\"name\":\"r\",\"kind\":\"party\"}").error()).isEqualTo(CreateRoomError.BAD_KIND);
        assertThat(parse("{\"name\":\"r\",\"kind\":7}").error()).isEqualTo(CreateRoomError.BAD_KIND);
        assertThat(parse("{\"name\":\"r\",\"kind\":\"BROADCAST\"}").error()).as("wire names only")
                .isEqualTo(CreateRoomError.BAD_KIND);
    }

    @Test
    void everyPrefixParsesWithoutThrowing() {
        String v = "{\"name\":\"studio\",\"kind\":\"broadcast\"}";
        for (int i = 0; i <= v.length(); i++) {
            CreateRoomRequest.Parsed p = parse(v.substring(0, i));
            assertThat(p.request() == null).isNotEqualTo(p.error() == null);
        }
    }

    /** Any bytes give exactly one of a request or an error. */
    @FuzzTest(maxDuration = "10s")
    void parseNeverThrows(byte[] body) {
        CreateRoomRequest.Parsed p = CreateRoomRequest.parse(body);
        assertThat(p.request() == null).isNotEqualTo(p.error() == null);
    }
}
