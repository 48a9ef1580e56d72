package dev.onair.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.service.CloseReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChatJoinTest {
    @Test
    void aJoinWithARoomAndAResumePoint() {
        ChatJoin.Parsed p = ChatJoin.parse("{\"type\":\"join\",\"token\":\"t\",\"room\":\"demo\",\"epoch\":7,"
                + "\"lastSeq\":12}");
        assertThat(p.error()).isNull();
        assertThat(p.join()).isEqualTo(new ChatJoin("t", "demo", true, 7, 12));
    }

    @Test
    void aFreshJoinWithoutRoom() {
        ChatJoin.Parsed p = ChatJoin.parse("{\"type\":\"join\",\"token\":\"t\",\"extra\":1}");
        assertThat(p.join()).isEqualTo(new ChatJoin("t", null, false, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "[]", "null", "{\"type\":\"send\"}", "{\"type\":\"join\"}",
            "{\"type\":\"join\",\"token\":5}", "{\"type\":\"join\",\"token\":\"\"}",
            "{\"type\":\"join\",\"token\":\"t\",\"room\":3}", "{\"type\":\"join\",\"token\":\"t\",\"epoch\":1}",
            "{\"type\":\"join\",\"token\":\"t\",\"epoch\":-1,\"lastSeq\":1}",
            "{\"type\":\"join\",\"token\":\"t\",\"epoch\":1.5,\"lastSeq\":1}",
            "{\"type\":\"join\",\"token\":\"t\",\"epoch\":1,\"lastSeq\":\"1\"}",
            "{\"type\":\"join\",\"token\":\"t\"} trailing",
            "{\"type\":\"join\",\"token\":\"t\",\"epoch\":99999999999999999999999,\"lastSeq\":1}",
            "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"})
    void aBadJoinIsAnErrorNeverAnException(String frame) {
        ChatJoin.Parsed p = ChatJoin.parse(frame);
        assertThat(p.join()).isNull();
        assertThat(p.error()).isNotBlank();
    }

    @Test
    void closeReasonsMapToTheDocumentedCodes() {
        assertThat(ChatCloseCodes.of(CloseReason.SLOW_CONSUMER)).isEqualTo(4429);
        assertThat(ChatCloseCodes.of(CloseReason.BANNED)).isEqualTo(4403);
        assertThat(ChatCloseCodes.of(CloseReason.SHUTDOWN)).isEqualTo(1001);
        assertThat(ChatCloseCodes.of(CloseReason.SERVER_ERROR)).isEqualTo(1011);
    }
}
