package dev.onair.transport.srtp;

import dev.onair.protocol.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 counter mode with HMAC-SHA1 (RFC 3711 §4.1.1, §4.2.1) for SRTP and SRTCP, over one reused JCE
 * {@code AES/CTR/NoPadding} cipher and one {@code HmacSHA1} mac.
 *
 * <pre>
 * counter block (RFC 3711 §4.1.1), 128 bits:
 *   IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)      k_s: 112-bit session salt, i: packet index
 * SRTP  = | RTP header | encrypted payload | auth tag (80 bits) |      tag = HMAC(k_a, header | payload | ROC)
 * SRTCP = | 8-byte header | encrypted rest | E | index (31) | tag |   tag = HMAC(k_a, everything before it)
 * </pre>
 */
final class JceCmTransform implements JceTransform {
    private static final int SALT_BYTES = 14;
    private static final int HMAC_BYTES = 20;
    /** Covers any datagram {@code UdpEndpoint} accepts; a larger packet grows the copy buffer once. */
    private static final int INITIAL_CRYPT_INPUT_BYTES = 2048;

    private final Cipher ctr;
    private final SecretKeySpec encryptionKey;
    private final Mac hmac;
    private final byte[] salt;
    private final int tagBytes;
    private final byte[] iv = new byte[16];
    private final byte[] rocBytes = new byte[4];
    private final byte[] macOut = new byte[HMAC_BYTES];
    /**
     * The bytes to encrypt, copied out first: given overlapping input and output (our in-place call), SunJCE's
     * {@code CipherCore} copies the input into a fresh array itself, about 1.2 kB of garbage per packet.
     */
    private byte[] cryptInput = new byte[INITIAL_CRYPT_INPUT_BYTES];

    /** Uses session keys as given (RFC 3711 Appendix B vectors start here). */
    JceCmTransform(byte[] sessionKey, byte[] sessionSalt, byte[] authKey, int tagBytes) {
        try {
            this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
            this.encryptionKey = new SecretKeySpec(sessionKey, "AES");
            this.hmac = Mac.getInstance("HmacSHA1");
            this.hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR or HmacSHA1 unavailable in this JRE", e);
        }
        this.salt = sessionSalt.clone();
        this.tagBytes = tagBytes;
    }

    /** Derives the SRTP ({@code rtcp == false}) or SRTCP session keys from master key and salt (RFC 3711 §4.3). */
    static JceCmTransform fromMaster(byte[] masterKey, byte[] masterSalt, boolean rtcp, int tagBytes) {
        int base = rtcp ? SrtpKdf.LABEL_RTCP_ENCRYPTION : SrtpKdf.LABEL_RTP_ENCRYPTION;
        return new JceCmTransform(
                SrtpKdf.derive(masterKey, masterSalt, base, masterKey.length),
                SrtpKdf.derive(masterKey, masterSalt, base + 2, SALT_BYTES),
                SrtpKdf.derive(masterKey, masterSalt, base + 1, HMAC_BYTES),
                tagBytes);
    }

    @Override
    public int rtpTrailerBytes() {
        return tagBytes;
    }

    @Override
    public int rtcpTrailerBytes() {
        return SrtpPackets.SRTCP_INDEX_BYTES + tagBytes;
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        if (!crypt(buf, off + headerLength, len - headerLength, ssrc, index)) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
        Bytes.put32(rocBytes, 0, (int) (index >>> 16));
        hmac.update(buf, off, len);
        hmac.update(rocBytes, 0, 4);
        if (!finishMac()) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
        System.arraycopy(macOut, 0, buf, off + len, tagBytes);
        return len + tagBytes;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        int authenticated = len - tagBytes;
        Bytes.put32(rocBytes, 0, (int) (index >>> 16));
        hmac.update(buf, off, authenticated);
        hmac.update(rocBytes, 0, 4);
        if (!finishMac() || !tagMatches(buf, off + authenticated)) {
            return SrtpDrop.AUTH_FAILED.code();
        }
        if (!crypt(buf, off + headerLength, authenticated - headerLength, ssrc, index)) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        int clear = SrtpPackets.RTCP_CLEAR_HEADER;
        if (!crypt(buf, off + clear, len - clear, ssrc, index)) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
        Bytes.put32(buf, off + len, 0x8000_0000 | index);
        int authenticated = len + SrtpPackets.SRTCP_INDEX_BYTES;
        hmac.update(buf, off, authenticated);
        if (!finishMac()) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
        System.arraycopy(macOut, 0, buf, off + authenticated, tagBytes);
        return authenticated + tagBytes;
    }

    @Override
    public int srtcpIndexWord(byte[] buf, int off, int len) {
        return (int) Bytes.u32(buf, off + len - tagBytes - SrtpPackets.SRTCP_INDEX_BYTES);
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int indexWord) {
        int authenticated = len - tagBytes;
        hmac.update(buf, off, authenticated);
        if (!finishMac() || !tagMatches(buf, off + authenticated)) {
            return SrtpDrop.AUTH_FAILED.code();
        }
        int plain = authenticated - SrtpPackets.SRTCP_INDEX_BYTES;
        boolean encrypted = indexWord < 0;
        int clear = SrtpPackets.RTCP_CLEAR_HEADER;
        if (encrypted && !crypt(buf, off + clear, plain - clear, ssrc, indexWord & 0x7FFF_FFFF)) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
        return plain;
    }

    /** XORs the AES-CM keystream for (ssrc, index) over {@code buf[at, at + n)} in place. */
    private boolean crypt(byte[] buf, int at, int n, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, SALT_BYTES);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[13 - i] ^= (byte) (index >>> (8 * i));
        }
        try {
            ctr.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
            if (n > 0) {
                if (n > cryptInput.length) {
                    cryptInput = new byte[n];
                }
                System.arraycopy(buf, at, cryptInput, 0, n);
                ctr.doFinal(cryptInput, 0, n, buf, at);
            }
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean finishMac() {
        try {
            hmac.doFinal(macOut, 0);
            return true;
        } catch (GeneralSecurityException e) {
            hmac.reset();
            return false;
        }
    }

    /** Constant-time comparison of the received tag at {@code buf[at]} with the computed one. */
    private boolean tagMatches(byte[] buf, int at) {
        int diff = 0;
        for (int i = 0; i < tagBytes; i++) {
            diff |= buf[at + i] ^ macOut[i];
        }
        return diff == 0;
    }
}
