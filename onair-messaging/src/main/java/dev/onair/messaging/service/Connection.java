package dev.onair.messaging.service;

import dev.onair.messaging.wire.OutboundFrame;

/**
 * One client connection as the service sees it (the transport implements it, e.g. over a WebSocket): who it is, what
 * it may do, and a bounded, non-blocking outbound queue. See {@link OutboundBudget} for the bound's bookkeeping.
 */
public interface Connection {
    /** The identity from the token (the only source of a message's sender). */
    String identity();

    /** A display name, or null. */
    String name();

    /** May send messages (the token's chat permission); everyone in the room may read. */
    boolean canChat();

    /** May delete messages. */
    boolean isAdmin();

    /**
     * Queues {@code frame} for writing without blocking. Returns false when the frame does not fit the connection's
     * bound of frames not yet written (default {@link MessagingConfig#maxOutboundBytes()}) or the connection is
     * closed; the service then closes it with {@link CloseReason#SLOW_CONSUMER} instead of letting it grow. The same
     * frame (its text and UTF-8 bytes) may be offered to many connections: a live message is encoded once per room.
     */
    boolean offer(OutboundFrame frame);

    /** As {@link #offer(OutboundFrame)} for a frame to this connection only (an error, an ack). */
    default boolean offer(String frame) {
        return offer(OutboundFrame.of(frame));
    }

    /** Closes the connection for {@code reason}, without blocking; idempotent. */
    void close(CloseReason reason);
}
