package dev.onair.transport.srtp;

/**
 * The cryptographic transform of one direction and one packet kind, given the packet index that
 * {@link JceSrtpSession} worked out. Implementations: {@link JceCmTransform} (AES-CM + HMAC-SHA1, RFC 3711 §4)
 * and {@link JceGcmTransform} (AEAD AES-GCM, RFC 7714). All methods return a length or a negative
 * {@link SrtpDrop} code; the caller has checked the header and buffer bounds.
 */
interface JceTransform {

    /** Bytes after the RTP payload: the tag. */
    int rtpTrailerBytes();

    /** Bytes after the RTCP payload: the E|index word and the tag. */
    int rtcpTrailerBytes();

    int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /** Protects with SRTCP index {@code index} (31 bits) and the E flag set. */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /** The E|index word of a received SRTCP packet ({@code len >= rtcpTrailerBytes() + 8}). */
    int srtcpIndexWord(byte[] buf, int off, int len);

    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int indexWord);
}
