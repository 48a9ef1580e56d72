/**
 * SRTP and SRTCP protection (RFC 3711, AEAD AES-GCM per RFC 7714) keyed from DTLS-SRTP (RFC 5764 §4.2).
 *
 * <p>{@link dev.onair.transport.srtp.SrtpSession} is the entry point: one per transport, used by one media loop,
 * in place on caller buffers, no per-packet objects of its own. Two backends implement it:
 * {@link dev.onair.transport.srtp.SrtpBackend#JITSI} over {@code org.jitsi:jitsi-srtp} and
 * {@link dev.onair.transport.srtp.SrtpBackend#JCE}, framing written here over JCE ciphers and MACs.
 * Errors are negative return codes ({@link dev.onair.transport.srtp.SrtpDrop}), never exceptions.
 */
package dev.onair.transport.srtp;
