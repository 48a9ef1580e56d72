package dev.onair.transport.srtp;

import dev.onair.protocol.DropCounts;
import dev.onair.transport.dtls.DtlsRole;

/**
 * SRTP (RFC 3711 §3) and SRTCP (RFC 3711 §3.4) protection for one WebRTC transport, both directions.
 *
 * <p>Threading: one instance belongs to ONE thread (the transport's media loop); it takes no locks of its own.
 * Every method works in place on {@code buf[off, off + len)}; this code allocates no per-packet objects beyond
 * what the crypto API demands (JCE needs a parameter spec per {@code Cipher.init}; measured bytes per packet
 * for each backend are on {@link SrtpBackend}). A negative
 * return is {@link SrtpDrop#code()}; the reason has then already been counted in {@link #drops()}, so callers
 * must not count it again. Wire input never makes these methods throw.
 *
 * <p>Keys: {@code local = CLIENT} protects with the client write key/salt and unprotects with the server's;
 * {@code local = SERVER} the other way round (RFC 5764 §4.2). Per-SSRC state (rollover counter, replay window,
 * SRTCP index) is kept for at most {@link #MAX_SSRCS_PER_DIRECTION} streams per direction; a further SSRC is
 * refused with {@link SrtpDrop#UNKNOWN_SSRC_LIMIT}. Inbound state for an SSRC is only created once one of its
 * packets authenticates, so forged packets cannot fill the table.
 */
public interface SrtpSession {

    /**
     * Spare bytes {@code buf} must have after {@code off + len} for {@link #protectRtp} and {@link #protectRtcp}:
     * the largest trailer, SRTCP with AES-GCM (16-byte tag + 4-byte E|index word, RFC 7714 §9.3).
     */
    int MAX_OVERHEAD = 20;

    /** SSRCs tracked per direction and per packet kind (RTP, RTCP). */
    int MAX_SSRCS_PER_DIRECTION = 64;

    /** Encrypts and tags an RTP packet in place; returns the SRTP length or a negative {@link SrtpDrop} code. */
    int protectRtp(byte[] buf, int off, int len);

    /** Verifies and decrypts an SRTP packet in place; returns the RTP length or a negative {@link SrtpDrop} code. */
    int unprotectRtp(byte[] buf, int off, int len);

    /** Encrypts an RTCP compound packet in place and appends E|index and tag; returns the SRTCP length or a code. */
    int protectRtcp(byte[] buf, int off, int len);

    /** Verifies and decrypts an SRTCP packet in place; returns the RTCP length or a negative {@link SrtpDrop} code. */
    int unprotectRtcp(byte[] buf, int off, int len);

    /** Refusals so far, by reason. */
    DropCounts<SrtpDrop> drops();

    /**
     * Creates a session for the keys a DTLS handshake exported.
     *
     * @param localRole our DTLS role: it decides which half of {@code keys} we write with
     */
    static SrtpSession create(SrtpKeyMaterial keys, DtlsRole localRole, SrtpBackend backend) {
        boolean localIsClient = localRole == DtlsRole.CLIENT;
        byte[] txKey = localIsClient ? keys.clientWriteKey() : keys.serverWriteKey();
        byte[] txSalt = localIsClient ? keys.clientWriteSalt() : keys.serverWriteSalt();
        byte[] rxKey = localIsClient ? keys.serverWriteKey() : keys.clientWriteKey();
        byte[] rxSalt = localIsClient ? keys.serverWriteSalt() : keys.clientWriteSalt();
        return switch (backend) {
            case JITSI -> new JitsiSrtpSession(keys.profile(), txKey, txSalt, rxKey, rxSalt);
            case JCE -> new JceSrtpSession(keys.profile(), txKey, txSalt, rxKey, rxSalt);
        };
    }
}
