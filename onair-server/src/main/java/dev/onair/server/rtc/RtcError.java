package dev.onair.server.rtc;

import java.util.Locale;

/** Every error code an {@code error} frame can carry (docs/protocol.md lists them with their meaning). */
public enum RtcError {
    /** The frame is not a JSON object. */
    MALFORMED_JSON,
    /** A JSON object without a string {@code type}, or a field of the wrong type. */
    BAD_REQUEST,
    /** {@code v} is present and not a version this server speaks. */
    UNSUPPORTED_VERSION,
    /** A type this server does not know; the socket stays open. */
    UNKNOWN_TYPE,
    /** Larger than 64 KiB. */
    FRAME_TOO_LARGE,
    /** Binary frames are not part of the protocol. */
    BINARY_NOT_SUPPORTED,
    /** Anything but join/ping before a successful join. */
    NOT_JOINED,
    /** A second join on the same socket. */
    ALREADY_JOINED,
    /** Missing, malformed, expired or badly signed token (the socket closes). */
    UNAUTHENTICATED,
    /**
     * On join: a valid token that does not cover this room or lacks the permission (the socket closes). On
     * publish: the participant may not publish; on {@code set_impairment}/{@code clear_impairment}: the token lacks
     * {@code lab} (the socket stays open).
     */
    FORBIDDEN,
    /** No join within 10 s of the upgrade (the socket closes). */
    JOIN_TIMEOUT,
    /** An offer the server cannot answer. */
    NEGOTIATION_FAILED,
    /** {@code mute} of a track the participant does not publish. */
    UNKNOWN_TRACK,
    /** The node cannot take another session. */
    AT_CAPACITY,
    /** The same identity joined again from another socket (the socket closes, 4409). */
    REPLACED,
    /** An administrator removed the participant (the socket closes, 4410). */
    REMOVED,
    /** An administrator closed the room (the socket closes, 4411). */
    ROOM_CLOSED,
    /** Something failed inside the server; the socket stays open. */
    INTERNAL,
    /** {@code set_impairment} named a preset the server does not have (the message lists the known ones). */
    UNKNOWN_PRESET;

    /** The wire form: lower snake case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
