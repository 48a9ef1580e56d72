package dev.onair.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.service.CloseReason;
import dev.onair.transport.clock.ManualClock;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatConnectionTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final OutboundFrames out = new OutboundFrames(channel);
    private final ChatConnection connection = new ChatConnection(channel, new ChatOutbox(channel.eventLoop(), new ManualClock(), 0),
            "alice", "Alice", true, false, 100);

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void framesAreQueuedThenWrittenTogetherOnTheEventLoop() {
        assertThat(connection.offer("one")).isTrue();
        assertThat(connection.offer("two")).isTrue();
        assertThat((Object) channel.readOutbound()).as("nothing before the event loop runs").isNull();
        channel.runPendingTasks();
        assertThat(out.text()).isEqualTo("one");
        assertThat(out.text()).isEqualTo("two");
        assertThat(connection.pendingBytes()).as("released once written").isZero();
    }

    @Test
    void aFrameOverTheBudgetIsRefusedUntilTheQueueIsWritten() {
        assertThat(connection.offer("x".repeat(60))).isTrue();
        assertThat(connection.offer("y".repeat(60))).as("60 + 60 > 100").isFalse();
        assertThat(connection.pendingBytes()).isEqualTo(60);
        channel.runPendingTasks();
        assertThat(connection.pendingBytes()).isZero();
        assertThat(connection.offer("y".repeat(60))).isTrue();
    }

    @Test
    void aSlowConsumerIsClosedWith4429AndNothingIsQueuedAfterIt() {
        connection.close(CloseReason.SLOW_CONSUMER);
        assertThat(connection.offer("after")).isFalse();
        channel.runPendingTasks();
        CloseWebSocketFrame close = (CloseWebSocketFrame) out.next();
        assertThat(close.statusCode()).isEqualTo(4429);
        assertThat(close.reasonText()).isEqualTo("slow_consumer");
        close.release();
        assertThat(connection.pendingBytes()).isZero();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBanWritesWhatIsQueuedThenClosesWith4403() {
        connection.offer("{\"type\":\"error\",\"code\":\"banned\"}");
        connection.close(CloseReason.BANNED);
        connection.close(CloseReason.SHUTDOWN); // idempotent: the first reason wins
        channel.runPendingTasks();
        assertThat(out.text()).contains("banned");
        CloseWebSocketFrame close = (CloseWebSocketFrame) out.next();
        assertThat(close.statusCode()).isEqualTo(4403);
        close.release();
        assertThat((Object) channel.readOutbound()).isNull();
    }
}
