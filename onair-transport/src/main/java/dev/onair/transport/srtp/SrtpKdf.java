package dev.onair.transport.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function of RFC 3711 §4.3 with key derivation rate 0 (what DTLS-SRTP uses):
 * {@code x = (label << 48) XOR master_salt} (the salt as a 112-bit integer; a 96-bit AES-GCM master salt is
 * first extended with two zero bytes, RFC 7714 §11), and the session key is the first bytes of the AES
 * counter-mode keystream whose first counter block is {@code x * 2^16} (RFC 3711 §4.3.3). The counter blocks are
 * encrypted with the JCE's {@code AES/ECB/NoPadding}; this runs once per session, not per packet.
 *
 * <pre>
 * counter block i:   | x (14 bytes) = master_salt XOR (0..0 | label | 0 0 0 0 0 0) |  i (16 bits) |
 * </pre>
 */
final class SrtpKdf {
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTH = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTH = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    private static final int BLOCK = 16;
    /** Byte of the 14-byte x where the label lands: key_id = label || r (7 bytes) is right-aligned. */
    private static final int LABEL_BYTE = 7;

    private SrtpKdf() {
    }

    /** The {@code lengthBytes}-long session key for {@code label} from a master key and 14- or 12-byte salt. */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int lengthBytes) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            int blocks = (lengthBytes + BLOCK - 1) / BLOCK;
            byte[] counters = new byte[blocks * BLOCK];
            for (int i = 0; i < blocks; i++) {
                int at = i * BLOCK;
                System.arraycopy(masterSalt, 0, counters, at, Math.min(masterSalt.length, 14));
                counters[at + LABEL_BYTE] ^= (byte) label;
                counters[at + 14] = (byte) (i >>> 8);
                counters[at + 15] = (byte) i;
            }
            byte[] keystream = ecb.doFinal(counters);
            byte[] out = new byte[lengthBytes];
            System.arraycopy(keystream, 0, out, 0, lengthBytes);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB unavailable in this JRE", e);
        }
    }
}
