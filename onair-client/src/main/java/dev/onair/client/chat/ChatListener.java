package dev.onair.client.chat;

import java.nio.charset.StandardCharsets;

/**
 * Receives a {@link ChatClient}'s frames, on the client's Netty event loop thread (one thread per client, so a
 * listener's per-client state needs no lock; it must not block).
 */
public interface ChatListener {
    /** One server frame, the JSON text as received ({@code resumed}, {@code msg}, {@code ack}, {@code error}, ...). */
    void onFrame(ChatClient client, String json);

    /**
     * One server frame as UTF-8 JSON: bytes {@code [offset, offset + length)} of {@code utf8}, valid only during the
     * call (the array is reused: copy what you keep). By default decoded to text for {@link #onFrame}; a listener that
     * parses bytes itself (e.g. a Jackson parser over the array) overrides this and saves the decoding.
     */
    default void onFrameUtf8(ChatClient client, byte[] utf8, int offset, int length) {
        onFrame(client, new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    /**
     * The socket closed: {@code code} is the server's WebSocket close code (4429 slow consumer, 1001 shutdown, ...)
     * or 1006 when the connection ended without a close frame.
     */
    default void onClose(ChatClient client, int code, String reason) {
    }
}
