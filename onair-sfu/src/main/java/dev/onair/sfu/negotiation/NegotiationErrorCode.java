package dev.onair.sfu.negotiation;

/** Why an offer got no answer; the server maps both to HTTP 400. */
public enum NegotiationErrorCode {
    /**
     * The offer breaks a rule we rely on: missing ice-ufrag/pwd, missing or unsupported fingerprint
     * algorithm, no BUNDLE group, rtcp-mux missing on a bundled m-line, no m-lines, setup:holdconn.
     */
    MALFORMED,
    /** Well formed but nothing we can do: no common codec, or the wrong direction for the endpoint. */
    UNSUPPORTED
}
