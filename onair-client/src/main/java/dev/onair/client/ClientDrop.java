package dev.onair.client;

/** Why the peer's receive path ignored a datagram; counted in {@link WebRtcPeer#drops()}. */
public enum ClientDrop {
    /** Not from the server's media address. */
    FOREIGN_SOURCE,
    /** Not STUN, DTLS, RTP or RTCP by RFC 7983's first byte, or too short for its kind. */
    UNCLASSIFIED,
    /** STUN that does not parse, is not a response, or answers no request we sent. */
    STUN_UNEXPECTED,
    /** A success response whose MESSAGE-INTEGRITY does not verify under the server's password. */
    STUN_BAD_INTEGRITY,
    /** DTLS before we started the handshake. */
    DTLS_NOT_STARTED,
    /** SRTP or SRTCP before DTLS exported keys. */
    NOT_CONNECTED,
    /** SRTP/SRTCP that did not authenticate, was replayed or malformed. */
    SRTP_REJECTED,
    /** Decrypted RTP whose header does not parse. */
    RTP_MALFORMED,
    /** Decrypted RTCP compound that is malformed (what parsed before the error is still recorded). */
    RTCP_MALFORMED,
    /** A further SSRC beyond {@link ReceiveLog#MAX_STREAMS}. */
    TOO_MANY_STREAMS
}
