package dev.onair.sfu.negotiation;

/** Our DTLS role, derived from the offer's {@code a=setup} (RFC 8842 section 5.3). */
public enum DtlsRole {
    /** We answered {@code a=setup:passive}: the remote peer sends the ClientHello. */
    SERVER,
    /** We answered {@code a=setup:active}: we send the ClientHello. */
    CLIENT
}
