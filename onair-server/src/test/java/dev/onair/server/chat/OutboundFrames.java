package dev.onair.server.chat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads what a {@link ChatConnection} wrote to an {@link EmbeddedChannel}, frame by frame: written bytes (a batch of
 * whole frames) are decoded with Netty's own client-side frame decoder (unmasked frames), so a test sees
 * {@link TextWebSocketFrame}s; frame objects (a close frame) come as they are.
 */
final class OutboundFrames {
    private final EmbeddedChannel channel;
    private final Deque<Object> decoded = new ArrayDeque<>();

    OutboundFrames(EmbeddedChannel channel) {
        this.channel = channel;
    }

    /** The next outbound frame, or null. */
    Object next() {
        if (decoded.isEmpty()) {
            Object o = channel.readOutbound();
            if (!(o instanceof ByteBuf bytes)) {
                return o;
            }
            EmbeddedChannel decoder = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig
                    .newBuilder().expectMaskedFrames(false).allowMaskMismatch(false).maxFramePayloadLength(1 << 20)
                    .build()));
            decoder.writeInbound(bytes);
            Object frame;
            while ((frame = decoder.readInbound()) != null) {
                decoded.add(frame);
            }
            if (decoder.finishAndReleaseAll()) {
                throw new AssertionError("bytes left after the last whole frame");
            }
        }
        return decoded.poll();
    }

    /** The next outbound frame's text (it must be a text frame), released. */
    String text() {
        TextWebSocketFrame t = (TextWebSocketFrame) next();
        try {
            return t.text();
        } finally {
            t.release();
        }
    }

    /** Whether a frame is left to read. */
    boolean hasNext() {
        return !decoded.isEmpty() || !channel.outboundMessages().isEmpty();
    }
}
