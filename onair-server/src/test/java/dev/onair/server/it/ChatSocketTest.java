package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.config.MessagingSettings;
import dev.onair.client.chat.ChatJoin;
import dev.onair.server.testing.ChatTestClient;
import dev.onair.server.testing.WsClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /chat} socket over a real server (default messaging settings, in-memory history): join, send, ack and
 * delivery between sockets, idempotent retries, resume, every bad input of issue 6 (each a clear error and the room
 * goes on), the join refusals and their close codes, the rate limit, and the chat admin routes.
 */
class ChatSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChatServer server;

    @BeforeAll
    static void start() {
        server = new ChatServer(MessagingSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMessageIsAckedAndDeliveredToEverySocketInTheRoom() throws Exception {
        ChatTestClient alice = server.joined("r-basic", "alice");
        ChatTestClient bob = server.joined("r-basic", "bob", EnumSet.of(Permission.SUBSCRIBE)); // reads only
        alice.chat("c1", "hello 👋");
        JsonNode ack = alice.next("ack");
        assertThat(ack.path("clientMsgId").asText()).isEqualTo("c1");
        assertThat(ack.path("duplicate").asBoolean()).isFalse();
        JsonNode atBob = bob.nextChat();
        assertThat(atBob.path("seq").asLong()).isEqualTo(ack.path("seq").asLong());
        assertThat(atBob.path("epoch").asLong()).isEqualTo(ack.path("epoch").asLong());
        assertThat(atBob.path("text").asText()).isEqualTo("hello 👋");
        assertThat(atBob.path("from").path("identity").asText()).isEqualTo("alice");
        assertThat(alice.nextChat().path("seq").asLong()).isEqualTo(ack.path("seq").asLong());

        bob.chat("b1", "may I?");
        JsonNode refused = bob.next("error");
        assertThat(refused.path("code").asText()).isEqualTo("forbidden");
        assertThat(refused.path("clientMsgId").asText()).isEqualTo("b1");
    }

    @Test
    void aRetryWithTheSameClientMsgIdIsAckedWithTheFirstSeq() throws Exception {
        ChatTestClient alice = server.joined("r-retry", "alice");
        alice.chat("same", "once");
        long seq = alice.next("ack").path("seq").asLong();
        alice.chat("same", "once");
        JsonNode again = alice.next("ack");
        assertThat(again.path("seq").asLong()).isEqualTo(seq);
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        alice.chat("same", "another body");
        assertThat(alice.next("error").path("code").asText()).isEqualTo("client_msg_id_conflict");
    }

    @Test
    void aDroppedSocketResumesWithNoGapAndNoDuplicate() throws Exception {
        ChatTestClient alice = server.joined("r-resume", "alice");
        ChatTestClient bob = server.joined("r-resume", "bob");
        alice.chat("m1", "one");
        JsonNode first = bob.nextChat();
        bob.abort(); // dropped without a close handshake
        for (int i = 2; i <= 4; i++) {
            alice.chat("m" + i, "n" + i);
            alice.next("ack");
        }
        ChatTestClient again = server.connect(ChatJoin.resume(server.chatToken("r-resume", "bob"), "r-resume",
                first.path("epoch").asLong(), first.path("seq").asLong()));
        JsonNode resumed = again.next("resumed");
        assertThat(resumed.path("recovered").asBoolean()).isTrue();
        long expected = first.path("seq").asLong() + 1;
        List<String> texts = new ArrayList<>();
        while (texts.size() < 3) {
            JsonNode m = again.next("msg");
            assertThat(m.path("seq").asLong()).as("every seq once, in order").isEqualTo(expected++);
            if ("chat".equals(m.path("kind").asText())) {
                texts.add(m.path("text").asText());
            }
        }
        assertThat(texts).containsExactly("n2", "n3", "n4");
    }

    @Test
    void aResumePointInTheFutureOrOfAnotherEpochGetsASnapshot() throws Exception {
        ChatTestClient alice = server.joined("r-future", "alice");
        alice.chat("f1", "x");
        JsonNode ack = alice.next("ack");
        ChatTestClient ahead = server.connect(ChatJoin.resume(server.chatToken("r-future", "bob"), "r-future",
                ack.path("epoch").asLong(), ack.path("seq").asLong() + 1000));
        JsonNode r1 = ahead.next("resumed");
        assertThat(r1.path("recovered").asBoolean()).isFalse();
        ChatTestClient otherEpoch = server.connect(ChatJoin.resume(server.chatToken("r-future", "carol"),
                "r-future", ack.path("epoch").asLong() + 1, 1));
        assertThat(otherEpoch.next("resumed").path("recovered").asBoolean()).isFalse();
        // and the room goes on
        alice.chat("f2", "still here");
        assertThat(ahead.nextChat().path("text").asText()).as("the snapshot").isEqualTo("x");
        assertThat(ahead.nextChat().path("text").asText()).isEqualTo("still here");
    }

    @Test
    void everyBadFrameGetsAClearErrorAndTheRoomGoesOn() throws Exception {
        ChatTestClient alice = server.joined("r-bad", "alice");
        ChatTestClient bob = server.joined("r-bad", "bob");
        String big = "x".repeat(17 * 1024);
        List<String[]> cases = List.of(
                new String[] {chatFrame("e1", ""), "empty_text"},
                new String[] {chatFrame("e2", "   "), "empty_text"},
                new String[] {chatFrame("e3", "y".repeat(2001)), "text_too_long"},
                new String[] {chatFrame("e4", big), "payload_too_large"},
                new String[] {"{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"e5\",\"text\":\"\\ud800\"}",
                        "invalid_unicode"},
                new String[] {"{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"e6\",\"text\":\"hi\","
                        + "\"from\":{\"identity\":\"bob\"}}", "forged_sender"},
                new String[] {"{\"type\":\"send\",\"kind\":", "malformed_json"},
                new String[] {"[1,2]", "malformed_json"},
                new String[] {"{\"type\":\"shout\"}", "unknown_type"},
                new String[] {"{\"type\":\"send\",\"kind\":\"chat\",\"text\":\"no id\"}", "missing_client_msg_id"},
                new String[] {"{\"type\":\"resume\",\"epoch\":-1,\"lastSeq\":\"x\"}", "bad_resume"},
                new String[] {"{\"type\":\"delete\",\"seq\":1}", "forbidden"});
        for (String[] c : cases) {
            alice.send(c[0]);
            JsonNode error = alice.next("error");
            assertThat(error.path("code").asText()).as(c[0].length() > 80 ? c[1] : c[0]).isEqualTo(c[1]);
            assertThat(error.path("reason").asText()).isNotBlank();
        }
        WsClient raw = server.raw(); // the chat client sends text only
        raw.send(ChatJoin.fresh(server.chatToken("r-bad", "carol"), "r-bad").toJson());
        raw.next("resumed");
        raw.sendBinary(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertThat(raw.next("error").path("code").asText()).isEqualTo("malformed_json");

        alice.chat("ok", "the room goes on");
        assertThat(bob.nextChat().path("text").asText()).isEqualTo("the room goes on");
        assertThat(server.it.get("/metrics")).contains("onair_chat_errors_total{code=\"forged_sender\"} 1");
    }

    @Test
    void aTextFrameThatIsNotUtf8ClosesOnlyItsSocketWith1007() throws Exception {
        ChatTestClient alice = server.joined("r-utf8", "alice");
        ChatTestClient bob = server.joined("r-utf8", "bob");
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.setSoTimeout(10_000);
            java.io.OutputStream out = raw.getOutputStream();
            out.write(("GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = raw.getInputStream();
            String headers = readHeaders(in);
            assertThat(headers).startsWith("HTTP/1.1 101");
            byte[] mask = {1, 2, 3, 4};
            byte[] payload = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0}; // not UTF-8
            out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length), mask[0], mask[1], mask[2], mask[3]});
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
            int opcode = in.read() & 0x0f;
            int length = in.read() & 0x7f;
            byte[] body = in.readNBytes(length);
            assertThat(opcode).as("a close frame").isEqualTo(0x8);
            assertThat(((body[0] & 0xff) << 8) | (body[1] & 0xff)).isEqualTo(1007);
        }
        alice.chat("u1", "the room goes on");
        assertThat(bob.nextChat().path("text").asText()).isEqualTo("the room goes on");
    }

    /** A chat {@code send} frame as the chat client writes it, for the cases it is sent raw. */
    private static String chatFrame(String clientMsgId, String text) {
        return JSON.createObjectNode().put("type", "send").put("kind", "chat").put("clientMsgId", clientMsgId)
                .put("text", text).toString();
    }

    private static String readHeaders(java.io.InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void serverShutdownClosesChatSocketsWith1001() throws Exception {
        ChatServer other = new ChatServer(MessagingSettings.defaults());
        ChatTestClient c;
        try {
            c = other.joined("r-stop", "alice");
        } finally {
            other.it.server.close(); // the clients are closed by other.close() below
        }
        assertThat(c.awaitClose()).isEqualTo(1001);
        other.close();
    }

    @Test
    void badJoinsAreRefusedWithTheirCloseCodes() throws Exception {
        String room = "r-join";
        assertJoinRefused("not json", "bad_request", 4400);
        assertJoinRefused("{\"type\":\"join\"}", "bad_request", 4400);
        assertJoinRefused("{\"type\":\"join\",\"token\":\"abc\",\"room\":\"" + room + "\",\"epoch\":1}",
                "bad_request", 4400);
        assertJoinRefused(ChatJoin.fresh("not-a-jwt", room).toJson(), "unauthenticated", 4401);
        assertJoinRefused(ChatJoin.fresh(server.chatToken("elsewhere", "eve"), room).toJson(), "forbidden", 4403);
        assertJoinRefused(ChatJoin.fresh(server.chatToken("*", "eve"), null).toJson(), "bad_request", 4400);
    }

    private static void assertJoinRefused(String frame, String code, int closeCode) throws Exception {
        WsClient c = server.raw(); // a join the chat client would not write
        c.send(frame);
        JsonNode error = c.next("error");
        assertThat(error.path("code").asText()).as(frame).isEqualTo(code);
        assertThat(error.path("reason").asText()).isNotBlank();
        assertThat(c.awaitClose()).as(frame).isEqualTo(closeCode);
    }

    @Test
    void aSocketWithoutJoinIsClosedAfterTenSeconds() throws Exception {
        WsClient idle = server.raw();
        JsonNode error = idle.frames.poll(12, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.path("code").asText()).isEqualTo("join_timeout");
        assertThat(idle.closeCode.get(2, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4408);
    }

    @Test
    void sendingFasterThanTheRateLimitIsRefusedWithRetryAfter() throws Exception {
        ChatTestClient alice = server.joined("r-rate", "alice");
        for (int i = 0; i < 15; i++) {
            alice.chat("r" + i, "burst " + i);
        }
        int acks = 0;
        int limited = 0;
        while (acks + limited < 15) {
            JsonNode f = alice.next();
            String type = f.path("type").asText();
            if (type.equals("ack")) {
                acks++;
            } else if (type.equals("error")) {
                assertThat(f.path("code").asText()).isEqualTo("rate_limited");
                assertThat(f.path("retryAfterMillis").asLong()).isPositive();
                limited++;
            }
        }
        assertThat(acks).isBetween(10, 12); // the burst, and maybe a refill or two
        assertThat(limited).isEqualTo(15 - acks);
    }

    @Test
    void adminReadsHistoryDeletesMutesAndBans() throws Exception {
        String room = "r-admin";
        String admin = server.adminToken(room);
        ChatTestClient alice = server.joined(room, "alice");
        ChatTestClient bob = server.joined(room, "bob");
        long[] seqs = new long[3];
        for (int i = 0; i < 3; i++) {
            alice.chat("a" + i, "text " + i);
            seqs[i] = alice.next("ack").path("seq").asLong();
        }
        HttpResponse<String> page = server.admin("GET", "/api/v1/rooms/" + room + "/messages?limit=2", admin);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(page.body());
        assertThat(body.path("lastSeq").asLong()).isEqualTo(seqs[2]);
        assertThat(body.path("epoch").asLong()).isPositive();
        assertThat(body.path("messages").size()).isEqualTo(2);
        assertThat(body.path("messages").get(0).path("seq").asLong()).isEqualTo(seqs[2]); // newest first
        JsonNode older = JSON.readTree(server.admin("GET", "/api/v1/rooms/" + room + "/messages?before=" + seqs[1]
                + "&limit=1", admin).body());
        assertThat(older.path("messages").get(0).path("seq").asLong()).isEqualTo(seqs[0]);
        assertThat(server.admin("GET", "/api/v1/rooms/" + room + "/messages?limit=201", admin).statusCode())
                .isEqualTo(400);
        assertThat(server.admin("GET", "/api/v1/rooms/" + room + "/messages?before=x", admin).statusCode())
                .isEqualTo(400);
        assertThat(server.admin("GET", "/api/v1/rooms/" + room + "/messages", server.chatToken(room, "alice"))
                .statusCode()).isEqualTo(403);
        assertThat(server.admin("GET", "/api/v1/rooms/" + room + "/messages", null).statusCode()).isEqualTo(401);

        HttpResponse<String> deleted = server.admin("DELETE", "/api/v1/rooms/" + room + "/messages/" + seqs[1], admin);
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode tombstone = bob.next("msg");
        while (!"delete".equals(tombstone.path("kind").asText())) {
            tombstone = bob.next("msg");
        }
        assertThat(tombstone.path("targetSeq").asLong()).isEqualTo(seqs[1]);
        assertThat(server.admin("DELETE", "/api/v1/rooms/" + room + "/messages/99999", admin).statusCode())
                .isEqualTo(404);
        assertThat(server.admin("DELETE", "/api/v1/rooms/" + room + "/messages/-1", admin).statusCode())
                .isEqualTo(400);

        assertThat(server.admin("PUT", "/api/v1/rooms/" + room + "/chat/mutes/alice", admin).statusCode())
                .isEqualTo(204);
        alice.chat("muted", "shh");
        assertThat(alice.next("error").path("code").asText()).isEqualTo("muted");
        assertThat(server.admin("DELETE", "/api/v1/rooms/" + room + "/chat/mutes/alice", admin).statusCode())
                .isEqualTo(204);
        alice.chat("unmuted", "back");
        assertThat(alice.next("ack").path("clientMsgId").asText()).isEqualTo("unmuted");

        assertThat(server.admin("PUT", "/api/v1/rooms/" + room + "/chat/bans/bob", admin).statusCode())
                .isEqualTo(204);
        assertThat(bob.next("error").path("code").asText()).isEqualTo("banned");
        assertThat(bob.awaitClose()).isEqualTo(4403);
        ChatTestClient bobAgain = server.connect(ChatJoin.fresh(server.chatToken(room, "bob"), room));
        assertThat(bobAgain.next("error").path("code").asText()).isEqualTo("banned");
        assertThat(bobAgain.awaitClose()).isEqualTo(4403);
        alice.chat("after-ban", "the room goes on");
        assertThat(alice.next("ack").path("clientMsgId").asText()).isEqualTo("after-ban");
        assertThat(server.admin("PATCH", "/api/v1/rooms/" + room + "/chat/bans/bob", admin).statusCode())
                .isEqualTo(405);
    }
}
