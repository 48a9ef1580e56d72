package dev.onair.server.chat;

import dev.onair.messaging.service.CloseReason;

/** The {@code /chat} socket's close codes (RFC 6455 §7.4.2 application range, and 1001/1011). */
public final class ChatCloseCodes {
    /** The join frame is malformed (or names no usable room), or too many malformed frames came after it. */
    public static final int BAD_REQUEST = 4400;
    /** The token is missing, malformed, expired or badly signed. */
    public static final int UNAUTHENTICATED = 4401;
    /** The token is for another room, or the identity is banned from this room. */
    public static final int FORBIDDEN = 4403;
    /** No join within the deadline (10 s). */
    public static final int JOIN_TIMEOUT = 4408;
    /** The outbound budget was exceeded: reconnect and resume, nothing is lost. */
    public static final int SLOW_CONSUMER = 4429;
    /** Server shutdown: reconnect (perhaps to another node) and resume. */
    public static final int GOING_AWAY = 1001;
    /** The store failed during a replay: reconnect and resume. */
    public static final int SERVER_ERROR = 1011;

    private ChatCloseCodes() {
    }

    public static int of(CloseReason reason) {
        return switch (reason) {
            case SLOW_CONSUMER -> SLOW_CONSUMER;
            case BANNED -> FORBIDDEN;
            case SERVER_ERROR -> SERVER_ERROR;
            case SHUTDOWN -> GOING_AWAY;
            case PROTOCOL_ERROR -> BAD_REQUEST;
        };
    }
}
