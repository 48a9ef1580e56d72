package dev.onair.protocol.stun;

import dev.onair.protocol.Bytes;
import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5) and FINGERPRINT (RFC 8489 §14.7) checks and computation.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   MESSAGE-INTEGRITY 0x0008    |          Length = 20          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           HMAC-SHA1 (20 bytes) over the message up to here    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     FINGERPRINT 0x8028        |          Length = 4           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   CRC-32 of the message up to here, XOR 0x5354554E            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The HMAC covers the header with its length field set as if the message ended right after
 * MESSAGE-INTEGRITY (RFC 5389 §15.4), so a FINGERPRINT added afterwards does not invalidate it.
 *
 * <p>Short-term credentials (ICE): the key is the password's UTF-8 bytes. RFC 8489 §9.1.1 asks for OpaqueString
 * (formerly SASLprep) first; we skip it because ICE passwords are restricted to ASCII ice-chars (RFC 8839 §5.4),
 * for which the profile is the identity. HMAC-SHA1 comes from JCE {@link Mac}, CRC-32 from {@link CRC32}.
 */
public final class StunIntegrity {
    /** XORed into the CRC-32 so that FINGERPRINT differs from CRCs of other protocols ("STUN"). */
    public static final int FINGERPRINT_XOR = 0x5354554E;
    public static final int HMAC_SHA1_BYTES = 20;

    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(StunIntegrity::newMac);

    private StunIntegrity() {
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCE without HmacSHA1", e);
        }
    }

    /**
     * True if {@code m} was parsed from exactly {@code buf[off..off+len)}, has MESSAGE-INTEGRITY, and the HMAC-SHA1
     * under {@code key} matches. False for a missing or empty key. Never throws.
     */
    public static boolean verifyMessageIntegrity(byte[] buf, int off, int len, StunMessage m, byte[] key) {
        if (!sameMessage(buf, off, len, m) || key == null || key.length == 0) {
            return false;
        }
        int index = m.messageIntegrityIndex();
        if (index < 0) {
            return false;
        }
        int value = m.attributeValueOffset(index);
        int attrStart = value - 4;
        int adjustedLength = attrStart - off - StunMessage.HEADER_BYTES + 4 + HMAC_SHA1_BYTES;
        Mac mac = HMAC_SHA1.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            return false;
        }
        mac.update(buf, off, 2);
        mac.update((byte) (adjustedLength >>> 8));
        mac.update((byte) adjustedLength);
        mac.update(buf, off + 4, attrStart - off - 4);
        byte[] expected = mac.doFinal();
        int diff = 0;
        for (int i = 0; i < HMAC_SHA1_BYTES; i++) {
            diff |= expected[i] ^ buf[value + i];
        }
        return diff == 0;
    }

    /** True if {@code m} was parsed from {@code buf[off..off+len)} and has a FINGERPRINT that matches. */
    public static boolean verifyFingerprint(byte[] buf, int off, int len, StunMessage m) {
        if (!sameMessage(buf, off, len, m)) {
            return false;
        }
        int index = m.fingerprintIndex();
        if (index < 0) {
            return false;
        }
        int value = m.attributeValueOffset(index);
        return fingerprint(buf, off, value - 4 - off) == (int) Bytes.u32(buf, value);
    }

    /** CRC-32 of {@code buf[off..off+len)} XOR {@link #FINGERPRINT_XOR}. */
    public static int fingerprint(byte[] buf, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(buf, off, len);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    /** Writes HMAC-SHA1 of {@code data[off..off+len)} under {@code key} to {@code out[outOff..outOff+20)}. */
    static void hmacSha1(byte[] key, byte[] data, int off, int len, byte[] out, int outOff) {
        Mac mac = HMAC_SHA1.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(data, off, len);
            mac.doFinal(out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable HMAC key", e);
        }
    }

    private static boolean sameMessage(byte[] buf, int off, int len, StunMessage m) {
        return m != null && m.isValid() && m.buffer() == buf && m.offset() == off && m.length() == len;
    }
}
