/**
 * DTLS 1.2 for WebRTC (RFC 6347, DTLS-SRTP RFC 5764, RFC 8842) on BouncyCastle bctls.
 *
 * <p>{@link dev.onair.transport.dtls.DtlsEngine} is sans-I/O to its caller: datagrams in through
 * {@code onDatagram}, datagrams out and events through {@link dev.onair.transport.dtls.DtlsListener}. Peers are
 * authenticated by the certificate fingerprint from SDP ({@link dev.onair.transport.dtls.RemoteFingerprint}),
 * our certificate is a fresh self-signed ECDSA P-256 one ({@link dev.onair.transport.dtls.DtlsCertificate}).
 */
package dev.onair.transport.dtls;
