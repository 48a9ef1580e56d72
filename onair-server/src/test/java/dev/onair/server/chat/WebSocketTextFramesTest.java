package dev.onair.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketTextFramesTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final OutboundFrames out = new OutboundFrames(channel);

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void nettysDecoderReadsEveryLengthEncoding() {
        for (int n : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 200_000}) {
            String text = "é".repeat(n / 2) + "x".repeat(n % 2);
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            assertThat(payload).hasSize(n);
            channel.writeOutbound(Unpooled.wrappedBuffer(WebSocketTextFrames.frame(payload)));
            assertThat(out.text()).as("%d bytes", n).isEqualTo(text);
        }
    }

    @Test
    void headerSizes() {
        assertThat(WebSocketTextFrames.frame(new byte[125])).hasSize(127);
        assertThat(WebSocketTextFrames.frame(new byte[126])).hasSize(130);
        assertThat(WebSocketTextFrames.frame(new byte[65_536])).hasSize(65_546);
        assertThat(WebSocketTextFrames.frame(new byte[3])).startsWith(0x81, 3);
    }
}
