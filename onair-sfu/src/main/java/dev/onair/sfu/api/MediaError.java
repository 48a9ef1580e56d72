package dev.onair.sfu.api;

/**
 * Every error the media service reports to its callers. Mapped once to an HTTP status by the server
 * (and, later, to WebSocket error frames).
 */
public enum MediaError {
    /** The SDP could not be parsed, or breaks a rule we require (no BUNDLE, no rtcp-mux, 0 m-lines). */
    MALFORMED_SDP,
    /** Parsed, but nothing we can forward: no common codec, wrong direction for the endpoint. */
    UNSUPPORTED_SDP,
    /** The node is at its configured session limit. */
    AT_CAPACITY,
    /** No such session/resource. */
    NOT_FOUND,
    /** Anything unexpected inside the media service. */
    INTERNAL
}
