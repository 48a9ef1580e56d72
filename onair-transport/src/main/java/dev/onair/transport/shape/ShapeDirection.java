package dev.onair.transport.shape;

/** Which way a shaped datagram travels, seen from the server. */
public enum ShapeDirection {
    /** From the peer to the server ("up" for the participant). */
    INBOUND,
    /** From the server to the peer ("down" for the participant). */
    OUTBOUND
}
