package dev.onair.transport.dtls;

/**
 * Our side of the DTLS handshake, from the SDP {@code a=setup} negotiation (RFC 8842 §5): {@code active} is the
 * DTLS client, {@code passive} the server. It also decides which exported SRTP keys are ours (RFC 5764 §4.2).
 */
public enum DtlsRole {
    /** Waits for the ClientHello ({@code a=setup:passive}); an SFU answering a browser offer is usually this. */
    SERVER,
    /** Sends the ClientHello ({@code a=setup:active}). */
    CLIENT
}
