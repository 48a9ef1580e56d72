package dev.onair.sfu.api;

/**
 * Every error the media service reports to its callers. Mapped once to an HTTP status by the server
 * and once to WebSocket error codes.
 */
public enum MediaError {
    /** The SDP could not be parsed, or breaks a rule we require (no BUNDLE, no rtcp-mux, 0 m-lines). */
    MALFORMED_SDP,
    /** Parsed, but nothing we can forward: no common codec, wrong direction for the endpoint. */
    UNSUPPORTED_SDP,
    /** The node is at its configured session limit. */
    AT_CAPACITY,
    /** No such session, resource, room, participant or track. */
    NOT_FOUND,
    /** The participant's role does not allow this (a viewer publishing). */
    FORBIDDEN,
    /** A value out of bounds (metadata over 1 KiB, a bad source). */
    INVALID,
    /** The request needs a state that does not hold (a subscribe before joining, a room that exists). */
    CONFLICT,
    /** Anything unexpected inside the media service. */
    INTERNAL
}
