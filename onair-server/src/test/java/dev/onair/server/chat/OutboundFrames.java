package dev.onair.server.chat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;

/**
 * Reads what a {@link ChatConnection} wrote to an {@link EmbeddedChannel}: pre-built frame bytes are decoded with
 * Netty's own client-side frame decoder (unmasked frames), so a test sees {@link TextWebSocketFrame}s; frame objects
 * (a close frame) are returned as they are.
 */
final class OutboundFrames {
    private OutboundFrames() {
    }

    /** The next outbound frame, or null. */
    static Object next(EmbeddedChannel channel) {
        Object o = channel.readOutbound();
        if (!(o instanceof ByteBuf bytes)) {
            return o;
        }
        EmbeddedChannel decoder = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
        decoder.writeInbound(bytes);
        Object frame = decoder.readInbound();
        Object more = decoder.readInbound();
        decoder.finishAndReleaseAll();
        if (frame == null || more != null) {
            throw new AssertionError("not exactly one WebSocket frame: " + frame + ", " + more);
        }
        return frame;
    }

    /** The next outbound frame's text (it must be a text frame), released. */
    static String text(EmbeddedChannel channel) {
        TextWebSocketFrame t = (TextWebSocketFrame) next(channel);
        try {
            return t.text();
        } finally {
            t.release();
        }
    }
}
