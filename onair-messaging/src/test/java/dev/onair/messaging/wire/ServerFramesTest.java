package dev.onair.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.StoredMessage;
import org.junit.jupiter.api.Test;

class ServerFramesTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void msgCarriesStampsSenderAndTheKindsFields() throws Exception {
        Draft d = new Draft(MessageKind.CHAT, "alice", "c1", null, "{\"text\":\"hi \\\"you\\\"\"}", -1);
        String frame = ServerFrames.msg(new StoredMessage("r", 77, 5, 1_000, d, false));
        assertThat(frame).isEqualTo("{\"type\":\"msg\",\"seq\":5,\"epoch\":77,\"time\":1000,\"kind\":\"chat\","
                + "\"from\":{\"identity\":\"alice\"},\"clientMsgId\":\"c1\",\"text\":\"hi \\\"you\\\"\"}");
        assertThat(json.readTree(frame).get("text").textValue()).isEqualTo("hi \"you\"");
    }

    @Test
    void msgOfDmDeleteAndDeletedMessage() throws Exception {
        JsonNode dm = json.readTree(ServerFrames.msg(new StoredMessage("r", 1, 2, 3,
                new Draft(MessageKind.DM, "alice", "c1", "bob", "{\"text\":\"x\"}", -1), false)));
        assertThat(dm.get("to").textValue()).isEqualTo("bob");
        JsonNode tomb = json.readTree(ServerFrames.msg(new StoredMessage("r", 1, 3, 3,
                new Draft(MessageKind.DELETE, "admin", null, null, "{}", 2), false)));
        assertThat(tomb.get("kind").textValue()).isEqualTo("delete");
        assertThat(tomb.get("targetSeq").longValue()).isEqualTo(2);
        assertThat(tomb.has("clientMsgId")).isFalse();
        JsonNode gone = json.readTree(ServerFrames.msg(new StoredMessage("r", 1, 2, 3,
                new Draft(MessageKind.CHAT, "alice", "c1", null, "null", -1), true)));
        assertThat(gone.get("deleted").booleanValue()).isTrue();
        assertThat(gone.has("text")).isFalse();
        assertThat(gone.has("body")).isFalse();
    }

    @Test
    void ackErrorResumedTyping() throws Exception {
        assertThat(ServerFrames.ack("c1", 9, 77, true))
                .isEqualTo("{\"type\":\"ack\",\"clientMsgId\":\"c1\",\"seq\":9,\"epoch\":77,\"duplicate\":true}");
        JsonNode err = json.readTree(ServerFrames.error(ErrorCode.RATE_LIMITED, "slow\ndown", "c1", 200));
        assertThat(err.get("code").textValue()).isEqualTo("rate_limited");
        assertThat(err.get("reason").textValue()).isEqualTo("slow down");
        assertThat(err.get("retryAfterMillis").longValue()).isEqualTo(200);
        assertThat(json.readTree(ServerFrames.error(ErrorCode.MUTED, "muted", null)).has("clientMsgId")).isFalse();
        assertThat(ServerFrames.resumed(false, true, 77, 12))
                .isEqualTo("{\"type\":\"resumed\",\"recovered\":false,\"fresh\":true,\"epoch\":77,\"lastSeq\":12}");
        JsonNode typing = json.readTree(ServerFrames.typing("bob", "Bob", "typing"));
        assertThat(typing.get("from").get("identity").textValue()).isEqualTo("bob");
        assertThat(typing.get("state").textValue()).isEqualTo("typing");
    }
}
