package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.config.MessagingSettings;
import dev.onair.client.chat.ChatJoin;
import dev.onair.server.testing.ChatTestClient;
import dev.onair.server.testing.Poll;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /chat} socket with tight limits: history of 5 messages (a resume from before it gets a snapshot), an
 * outbound budget of 256 KiB (a client that stops reading is closed with 4429 while the others get everything), and
 * a rate limit high enough not to matter.
 */
class ChatLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code c}'s event messages up to index {@code until - 1}, each once and in order. */
    private static void readEvents(ChatTestClient c, int[] next, int until) throws InterruptedException {
        while (next[0] < until) {
            JsonNode m = c.next("msg");
            if ("event".equals(m.path("kind").asText())) {
                assertThat(m.path("data").path("i").asInt()).as("every event, in order").isEqualTo(next[0]);
                next[0]++;
            }
        }
        c.discardHeld();
    }
    private static final int HISTORY = 5;
    private static ChatServer server;

    @BeforeAll
    static void start() {
        server = new ChatServer(MessagingSettings.defaults().withHistory(HISTORY, 3600)
                .withRateLimit(100_000, 100_000).withMaxOutboundBytes(256 * 1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aResumeFromBeforeTheHistoryGetsRecoveredFalseAndASnapshot() throws Exception {
        ChatTestClient alice = server.joined("r-old", "alice");
        alice.chat("o0", "first");
        JsonNode first = alice.next("ack");
        long last = 0;
        for (int i = 1; i <= 2 * HISTORY; i++) {
            alice.chat("o" + i, "n" + i);
            last = alice.next("ack").path("seq").asLong();
        }
        ChatTestClient late = server.connect(ChatJoin.resume(server.chatToken("r-old", "bob"), "r-old",
                first.path("epoch").asLong(),
                first.path("seq").asLong()));
        JsonNode resumed = late.next("resumed");
        assertThat(resumed.path("recovered").asBoolean()).isFalse();
        assertThat(resumed.path("fresh").asBoolean()).isFalse();
        JsonNode newest = null;
        for (int i = 0; i < HISTORY && (newest == null || newest.path("seq").asLong() < last); i++) {
            newest = late.next("msg");
        }
        assertThat(newest.path("seq").asLong()).as("the snapshot ends with the newest message").isEqualTo(last);

        ChatTestClient recent = server.connect(ChatJoin.resume(server.chatToken("r-old", "carol"), "r-old",
                first.path("epoch").asLong(),
                last - 2));
        assertThat(recent.next("resumed").path("recovered").asBoolean()).isTrue();
        assertThat(recent.next("msg").path("seq").asLong()).isEqualTo(last - 1);
    }

    @Test
    void aClientThatStopsReadingIsClosedWith4429WhileAnotherReceivesEverything() throws Exception {
        String room = "r-slow";
        ChatTestClient slow = server.joined(room, "slow");
        ChatTestClient fast = server.joined(room, "fast");
        ChatTestClient sender = server.joined(room, "sender");
        slow.pause();
        String payload = "z".repeat(2_000);
        int sent = 0;
        int[] fastNext = {0}; // the next event index the reading client must get
        while (server.it.server.chat().service().slowConsumerDisconnects() == 0 && sent < 30_000) {
            sender.send(JSON.createObjectNode().put("type", "send").put("kind", "event")
                    .put("clientMsgId", "e" + sent).set("data", JSON.createObjectNode().put("i", sent)
                            .put("pad", payload)).toString());
            sent++;
            if (sent % 20 == 0) { // a window of 20: the sender reads its echoes, the reading client keeps up
                while (!sender.next("ack").path("clientMsgId").asText().equals("e" + (sent - 1))) {
                    // an earlier ack
                }
                sender.discardHeld();
                readEvents(fast, fastNext, sent);
            }
        }
        assertThat(server.it.server.chat().service().slowConsumerDisconnects()).isEqualTo(1);
        slow.resume(); // it reads on, and finds the close frame after what was already on its way
        readEvents(fast, fastNext, sent);
        assertThat(fast.closeCode).as("the reading client stays").isNotDone();
        assertThat(sender.closeCode).as("the sender stays").isNotDone();
        assertThat(slow.awaitClose()).isEqualTo(4429);
        String metrics = Poll.until(Duration.ofSeconds(5), () -> server.it.get("/metrics"),
                m -> m.contains("onair_chat_slow_consumer_disconnects_total 1"));
        assertThat(metrics).contains("onair_chat_slow_consumer_disconnects_total 1");
    }
}
