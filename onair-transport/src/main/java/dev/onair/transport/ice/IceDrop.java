package dev.onair.transport.ice;

/**
 * Why the agent refused a packet handed to {@link IceLiteAgent#onBindingRequest}; counted with
 * {@code DropCounts}. The comment says which reply, if any, goes back (RFC 8489 §6.3, RFC 8445 §7.3).
 */
public enum IceDrop {
    /** Not even a STUN header (short, wrong cookie or top bits): no reply. */
    UNREADABLE,
    /** Header readable, body malformed: 400 if it was a request, else no reply. */
    MALFORMED,
    /** An indication or a response: ignored, no reply (a lite agent sends no requests). */
    NOT_REQUEST,
    /** FINGERPRINT present but wrong: no reply. */
    BAD_FINGERPRINT,
    /** A request of a method other than Binding: 400. */
    UNKNOWN_METHOD,
    /** No MESSAGE-INTEGRITY: 400. */
    MISSING_INTEGRITY,
    /** USERNAME missing or not {@code localUfrag:remoteUfrag} (old credentials after an ICE restart too): 401. */
    BAD_USERNAME,
    /** MESSAGE-INTEGRITY does not verify with the local password: 401. */
    BAD_INTEGRITY,
    /** Authenticated, but carries unknown comprehension-required attributes: 420 with UNKNOWN-ATTRIBUTES. */
    UNKNOWN_ATTRIBUTES
}
