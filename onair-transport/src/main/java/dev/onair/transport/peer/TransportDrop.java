package dev.onair.transport.peer;

/** Why the transport layer dropped a datagram. */
public enum TransportDrop {
    /** Not STUN/DTLS/RTP/RTCP by RFC 7983's first-byte ranges, or too short for its kind. */
    UNCLASSIFIED,
    /** DTLS/RTP/RTCP from an address that no ICE check validated. */
    UNKNOWN_PEER,
    /** STUN that is not parseable, or whose USERNAME names no local ufrag. */
    UNKNOWN_UFRAG,
    /** STUN rejected by the ICE agent (bad credentials, malformed, bad fingerprint). */
    ICE_REJECTED,
    /** SRTP/SRTCP before DTLS produced keys. */
    NOT_CONNECTED,
    SRTP_AUTH_FAILED,
    SRTP_REPLAYED,
    SRTP_MALFORMED,
    /** DTLS datagram the engine could not queue. */
    DTLS_QUEUE_FULL,
    /** Outgoing packet dropped because the socket was not writable. */
    SEND_UNWRITABLE
}
