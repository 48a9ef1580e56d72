package dev.onair.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.wire.OutboundFrame;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatOutboxTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final OutboundFrames out = new OutboundFrames(channel);
    private final ChatOutbox outbox = new ChatOutbox(channel.eventLoop());

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    private ChatConnection connection(String identity, long maxOutboundBytes) {
        return new ChatConnection(channel, outbox, identity, null, true, false, maxOutboundBytes);
    }

    @Test
    void oneBatchDrainsEveryReadyConnectionEachInItsOwnOrder() {
        ChatConnection a = connection("a", 1000);
        ChatConnection b = connection("b", 1000);
        a.offer("a1");
        b.offer("b1");
        a.offer("a2");
        b.offer("b2");
        assertThat((Object) channel.readOutbound()).as("nothing before the loop runs the batch").isNull();
        channel.runPendingTasks();
        assertThat(channel.outboundMessages()).as("one write per connection").hasSize(2);
        assertThat(texts()).as("a was ready first: its whole queue, then b's").containsExactly("a1", "a2", "b1", "b2");
        assertThat(a.pendingBytes()).isZero();
        assertThat(b.pendingBytes()).isZero();
    }

    @Test
    void theBudgetIsReleasedBatchByBatch() {
        ChatConnection a = connection("a", 10);
        assertThat(a.offer("12345")).isTrue();
        assertThat(a.offer("123456")).as("5 + 6 > 10 before the batch ran").isFalse();
        channel.runPendingTasks();
        assertThat(a.pendingBytes()).isZero();
        assertThat(a.offer("123456")).as("the first batch released its 5 bytes").isTrue();
        assertThat(a.pendingBytes()).isEqualTo(6);
        channel.runPendingTasks();
        assertThat(texts()).containsExactly("12345", "123456");
        assertThat(a.pendingBytes()).isZero();
    }

    @Test
    void aConnectionOfferedAgainAfterItsDrainIsDrainedAgainInOrder() {
        ChatConnection a = connection("a", 1000);
        for (int round = 0; round < 3; round++) {
            a.offer("m" + (2 * round));
            a.offer("m" + (2 * round + 1));
            channel.runPendingTasks();
        }
        assertThat(texts()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void moreReadyConnectionsThanOneRunDrainsAreAllDrained() {
        int n = ChatOutbox.MAX_CONNECTIONS_PER_RUN + 10;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connection("c" + i, 100).offer("f" + i);
            expected.add("f" + i);
        }
        channel.runPendingTasks();
        assertThat(texts()).containsExactlyElementsOf(expected);
    }

    @Test
    void oneSharedFrameIsWrittenAsTheSameBytesToEveryReceiver() {
        OutboundFrame shared = OutboundFrame.of("{\"type\":\"msg\",\"text\":\"héllo\"}");
        ChatConnection a = connection("a", 1000);
        ChatConnection b = connection("b", 1000);
        a.offer(shared);
        b.offer(shared);
        assertThat(a.pendingBytes()).as("counted in UTF-8 bytes").isEqualTo(shared.byteLength());
        channel.runPendingTasks();
        assertThat(texts()).containsExactly(shared.text(), shared.text());
        assertThat(new String(shared.sharedUtf8(), StandardCharsets.UTF_8)).as("not modified by the writes")
                .isEqualTo(shared.text());
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        while (out.hasNext()) {
            texts.add(out.text());
        }
        return texts;
    }
}
