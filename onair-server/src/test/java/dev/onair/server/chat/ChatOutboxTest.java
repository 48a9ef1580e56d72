package dev.onair.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.wire.OutboundFrame;
import dev.onair.transport.clock.ManualClock;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatOutboxTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final OutboundFrames out = new OutboundFrames(channel);
    private final ManualClock clock = new ManualClock();
    private final ChatOutbox outbox = new ChatOutbox(channel.eventLoop(), clock, 0);

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

    @Test
    void aConnectionWrittenWithinTheWindowWaitsForItsEndThenGetsOneWrite() {
        channel.freezeTime();
        ChatOutbox windowed = new ChatOutbox(channel.eventLoop(), clock, 20);
        ChatConnection a = new ChatConnection(channel, windowed, "a", null, true, false, 1000);
        a.offer("1");
        channel.runPendingTasks();
        assertThat(texts()).as("not written for a day: at once").containsExactly("1");

        clock.advanceMillis(5);
        a.offer("2");
        a.offer("3");
        channel.runPendingTasks();
        assertThat(channel.outboundMessages()).as("written 5 ms ago: waits").isEmpty();
        channel.advanceTimeBy(14, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.outboundMessages()).as("still 1 ms to go").isEmpty();
        clock.advanceMillis(15);
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.outboundMessages()).as("both in one write at the window's end").hasSize(1);
        assertThat(texts()).containsExactly("2", "3");
        assertThat(a.pendingBytes()).isZero();

        clock.advanceMillis(20);
        a.offer("4");
        channel.runPendingTasks();
        assertThat(texts()).as("a window after the last write: at once").containsExactly("4");
    }

    @Test
    void aQuietConnectionIsNotHeldBackByABusyOne() {
        channel.freezeTime();
        ChatOutbox windowed = new ChatOutbox(channel.eventLoop(), clock, 20);
        ChatConnection busy = new ChatConnection(channel, windowed, "busy", null, true, false, 1000);
        ChatConnection quiet = new ChatConnection(channel, windowed, "quiet", null, true, false, 1000);
        busy.offer("b1");
        channel.runPendingTasks();
        assertThat(texts()).containsExactly("b1");
        clock.advanceMillis(1);
        busy.offer("b2");
        quiet.offer("q1");
        channel.runPendingTasks();
        assertThat(texts()).as("the quiet one was not written within the window").containsExactly("q1");
        clock.advanceMillis(19);
        channel.advanceTimeBy(19, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(texts()).containsExactly("b2");
    }

    @Test
    void aNegativeWindowIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChatOutbox(channel.eventLoop(), clock, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        while (out.hasNext()) {
            texts.add(out.text());
        }
        return texts;
    }
}
