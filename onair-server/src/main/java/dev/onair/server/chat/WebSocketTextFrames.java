package dev.onair.server.chat;

import dev.onair.messaging.wire.OutboundFrame;
import java.util.function.Function;

/**
 * A whole server-to-client WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked, the payload length in 7, 16
 * or 64 bits, then the payload). A server's frames are not masked, so the bytes are the same for every receiver:
 * {@link #OF} is derived once per {@link OutboundFrame} and written as is, past Netty's frame encoder (which passes
 * bytes through; {@code /chat} negotiates no extension such as compression).
 */
final class WebSocketTextFrames {
    /** The frame of an {@link OutboundFrame}'s UTF-8 payload (the one function, so its result is kept per frame). */
    static final Function<OutboundFrame, byte[]> OF = f -> frame(f.sharedUtf8());

    private static final int FIN_TEXT = 0x81;
    private static final int MAX_7_BIT = 125;
    private static final int LENGTH_16_BIT = 126;
    private static final int LENGTH_64_BIT = 127;

    private WebSocketTextFrames() {
    }

    static byte[] frame(byte[] payload) {
        int n = payload.length;
        int header = n <= MAX_7_BIT ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + n];
        out[0] = (byte) FIN_TEXT;
        if (header == 2) {
            out[1] = (byte) n;
        } else if (header == 4) {
            out[1] = (byte) LENGTH_16_BIT;
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = (byte) LENGTH_64_BIT;
            long len = n;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) (len >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, n);
        return out;
    }
}
