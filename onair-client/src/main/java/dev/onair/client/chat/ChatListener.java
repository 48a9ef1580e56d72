package dev.onair.client.chat;

/**
 * Receives a {@link ChatClient}'s frames, on the client's Netty event loop thread (one thread per client, so a
 * listener's per-client state needs no lock; it must not block).
 */
public interface ChatListener {
    /** One server frame, the JSON text as received ({@code resumed}, {@code msg}, {@code ack}, {@code error}, ...). */
    void onFrame(ChatClient client, String json);

    /**
     * The socket closed: {@code code} is the server's WebSocket close code (4429 slow consumer, 1001 shutdown, ...)
     * or 1006 when the connection ended without a close frame.
     */
    default void onClose(ChatClient client, int code, String reason) {
    }
}
