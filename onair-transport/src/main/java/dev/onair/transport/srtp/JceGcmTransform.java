package dev.onair.transport.srtp;

import dev.onair.protocol.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714 §8, §9) over one reused JCE {@code AES/GCM/NoPadding} cipher
 * (initialised per packet with that packet's IV, as GCM requires).
 *
 * <pre>
 * SRTP IV (RFC 7714 §8.1), 96 bits:   (0x0000 | SSRC | ROC | SEQ) XOR salt
 * SRTP  = | RTP header (AAD) | ciphertext | 16-byte tag |
 * SRTCP IV (RFC 7714 §9.1):           (0x0000 | SSRC | 0x0000 | 0 | SRTCP index (31)) XOR salt
 * SRTCP = | 8-byte header (AAD) | ciphertext | 16-byte tag | E | SRTCP index |    AAD = header | E | index
 * SRTCP with E = 0 (received only):   AAD = whole RTCP packet | E | index, empty ciphertext (RFC 7714 §9.2)
 * </pre>
 */
final class JceGcmTransform implements JceTransform {
    private static final int SALT_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[SALT_BYTES];
    private final byte[] indexWord = new byte[4];
    private final byte[] emptyOut = new byte[0];

    /** Uses a session key and salt as given (RFC 7714 §16/§17 vectors start here). */
    JceGcmTransform(byte[] sessionKey, byte[] sessionSalt) {
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable in this JRE", e);
        }
        this.key = new SecretKeySpec(sessionKey, "AES");
        this.salt = sessionSalt.clone();
    }

    /** Derives the SRTP ({@code rtcp == false}) or SRTCP session key and salt (RFC 7714 §11, RFC 3711 §4.3). */
    static JceGcmTransform fromMaster(byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        int base = rtcp ? SrtpKdf.LABEL_RTCP_ENCRYPTION : SrtpKdf.LABEL_RTP_ENCRYPTION;
        return new JceGcmTransform(
                SrtpKdf.derive(masterKey, masterSalt, base, masterKey.length),
                SrtpKdf.derive(masterKey, masterSalt, base + 2, SALT_BYTES));
    }

    @Override
    public int rtpTrailerBytes() {
        return TAG_BYTES;
    }

    @Override
    public int rtcpTrailerBytes() {
        return TAG_BYTES + SrtpPackets.SRTCP_INDEX_BYTES;
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(buf, off, headerLength);
            int payload = off + headerLength;
            return headerLength + gcm.doFinal(buf, payload, len - headerLength, buf, payload);
        } catch (GeneralSecurityException e) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(buf, off, headerLength);
            int payload = off + headerLength;
            return headerLength + gcm.doFinal(buf, payload, len - headerLength, buf, payload);
        } catch (AEADBadTagException e) {
            return SrtpDrop.AUTH_FAILED.code();
        } catch (GeneralSecurityException e) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        rtcpIv(ssrc, index);
        int word = 0x8000_0000 | index;
        Bytes.put32(indexWord, 0, word);
        int clear = SrtpPackets.RTCP_CLEAR_HEADER;
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(buf, off, clear);
            gcm.updateAAD(indexWord, 0, 4);
            int sealed = gcm.doFinal(buf, off + clear, len - clear, buf, off + clear);
            Bytes.put32(buf, off + clear + sealed, word);
            return clear + sealed + SrtpPackets.SRTCP_INDEX_BYTES;
        } catch (GeneralSecurityException e) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
    }

    @Override
    public int srtcpIndexWord(byte[] buf, int off, int len) {
        return (int) Bytes.u32(buf, off + len - SrtpPackets.SRTCP_INDEX_BYTES);
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int word) {
        rtcpIv(ssrc, word & 0x7FFF_FFFF);
        Bytes.put32(indexWord, 0, word);
        int sealedEnd = len - SrtpPackets.SRTCP_INDEX_BYTES;
        int clear = SrtpPackets.RTCP_CLEAR_HEADER;
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (word < 0) {
                gcm.updateAAD(buf, off, clear);
                gcm.updateAAD(indexWord, 0, 4);
                return clear + gcm.doFinal(buf, off + clear, sealedEnd - clear, buf, off + clear);
            }
            int plain = sealedEnd - TAG_BYTES;
            gcm.updateAAD(buf, off, plain);
            gcm.updateAAD(indexWord, 0, 4);
            gcm.doFinal(buf, off + plain, TAG_BYTES, emptyOut, 0);
            return plain;
        } catch (AEADBadTagException e) {
            return SrtpDrop.AUTH_FAILED.code();
        } catch (GeneralSecurityException e) {
            return SrtpDrop.CRYPTO_ERROR.code();
        }
    }

    private void rtpIv(int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, SALT_BYTES);
        xorInt(2, ssrc);
        xorInt(6, (int) (index >>> 16));
        iv[10] ^= (byte) (index >>> 8);
        iv[11] ^= (byte) index;
    }

    private void rtcpIv(int ssrc, int index) {
        System.arraycopy(salt, 0, iv, 0, SALT_BYTES);
        xorInt(2, ssrc);
        xorInt(8, index);
    }

    private void xorInt(int at, int value) {
        iv[at] ^= (byte) (value >>> 24);
        iv[at + 1] ^= (byte) (value >>> 16);
        iv[at + 2] ^= (byte) (value >>> 8);
        iv[at + 3] ^= (byte) value;
    }
}
