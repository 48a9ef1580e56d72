package dev.onair.messaging.service;

import java.util.Locale;

/** Why the service closes a connection; the transport maps it to a WebSocket close code. */
public enum CloseReason {
    /** Its outbound queue exceeded the bound: the client should reconnect and resume (nothing is lost). */
    SLOW_CONSUMER(true),
    /** Banned from the room: do not reconnect. */
    BANNED(false),
    /** The store failed while replaying: the client may reconnect and resume. */
    SERVER_ERROR(true),
    /** The service is shutting down: the client may reconnect (elsewhere) and resume. */
    SHUTDOWN(true),
    /** Too many malformed frames in a short time ({@link BadFrameLimit}): a broken client, do not reconnect. */
    PROTOCOL_ERROR(false);

    private final boolean resumable;

    CloseReason(boolean resumable) {
        this.resumable = resumable;
    }

    /** True when the client should reconnect and resume. */
    public boolean resumable() {
        return resumable;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
