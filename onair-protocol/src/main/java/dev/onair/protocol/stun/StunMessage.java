package dev.onair.protocol.stun;

import dev.onair.protocol.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, never-throwing view of one STUN message (RFC 8489 §5, §14) held in a caller's buffer. Attribute
 * values are kept as offsets into that buffer; only the decoded accessors allocate.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Magic Cookie (0x2112A442)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Attributes (TLV, 4-byte aligned)            ...
 * </pre>
 * The message type interleaves method bits M11..M0 with class bits C1 (bit 8) and C0 (bit 4).
 *
 * <p>Rules: the datagram must hold exactly one message (header length + 20 = {@code len}); fixed-size ICE
 * attributes must have their exact size; attributes after MESSAGE-INTEGRITY other than FINGERPRINT are
 * skipped (RFC 8489 §14.5); nothing may follow FINGERPRINT. For repeated attributes lookups see the first.
 * Not thread-safe: one instance per media loop or agent.
 */
public final class StunMessage {
    public static final int HEADER_BYTES = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int TRANSACTION_ID_BYTES = 12;
    public static final int METHOD_BINDING = 0x001;
    public static final int MAX_ATTRIBUTES = 32;
    /** At most this many unknown comprehension-required types are listed; the rest are only flagged. */
    public static final int MAX_UNKNOWN_LISTED = 8;

    private final int[] attrType = new int[MAX_ATTRIBUTES];
    private final int[] attrOffset = new int[MAX_ATTRIBUTES];
    private final int[] attrLength = new int[MAX_ATTRIBUTES];
    private final int[] unknown = new int[MAX_UNKNOWN_LISTED];
    private byte[] buf;
    private int off;
    private int len;
    private int messageType;
    private int attrCount;
    private int unknownCount;
    private boolean headerValid;
    private boolean valid;
    private StunDrop drop;

    /**
     * Parses {@code len} bytes at {@code off}. Returns true if the whole message is well formed; otherwise
     * {@link #dropReason()} says why, and {@link #hasHeader()} says whether class, method and transaction id
     * are still readable. Never throws.
     */
    public boolean parse(byte[] buf, int off, int len) {
        reset();
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            return fail(StunDrop.BAD_BUFFER_RANGE);
        }
        if (len < HEADER_BYTES) {
            return fail(StunDrop.TOO_SHORT);
        }
        if ((buf[off] & 0xC0) != 0 || (int) Bytes.u32(buf, off + 4) != MAGIC_COOKIE) {
            return fail(StunDrop.NOT_STUN);
        }
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.messageType = Bytes.u16(buf, off);
        this.headerValid = true;
        int messageLength = Bytes.u16(buf, off + 2);
        if ((messageLength & 3) != 0 || messageLength + HEADER_BYTES != len) {
            return fail(StunDrop.BAD_LENGTH);
        }
        StunDrop d = parseAttributes();
        if (d != null) {
            attrCount = 0;
            unknownCount = 0;
            return fail(d);
        }
        valid = true;
        return true;
    }

    private StunDrop parseAttributes() {
        int pos = off + HEADER_BYTES;
        int end = off + len;
        boolean afterIntegrity = false;
        boolean afterFingerprint = false;
        while (pos < end) {
            if (end - pos < 4) {
                return StunDrop.BAD_ATTRIBUTE_LENGTH;
            }
            int type = Bytes.u16(buf, pos);
            int length = Bytes.u16(buf, pos + 2);
            int padded = (length + 3) & ~3;
            if (padded > end - pos - 4) {
                return StunDrop.BAD_ATTRIBUTE_LENGTH;
            }
            if (afterFingerprint) {
                return StunDrop.FINGERPRINT_NOT_LAST;
            }
            boolean ignored = afterIntegrity && type != StunAttribute.FINGERPRINT;
            if (!ignored) {
                StunDrop d = StunAttributeRules.check(type, buf, pos + 4, length);
                if (d != null) {
                    return d;
                }
                if (attrCount == MAX_ATTRIBUTES) {
                    return StunDrop.TOO_MANY_ATTRIBUTES;
                }
                attrType[attrCount] = type;
                attrOffset[attrCount] = pos + 4;
                attrLength[attrCount] = length;
                attrCount++;
                if (StunAttribute.isComprehensionRequired(type) && !StunAttribute.isUnderstood(type)) {
                    if (unknownCount < MAX_UNKNOWN_LISTED) {
                        unknown[unknownCount] = type;
                    }
                    unknownCount++;
                }
            }
            afterIntegrity |= type == StunAttribute.MESSAGE_INTEGRITY;
            afterFingerprint = type == StunAttribute.FINGERPRINT;
            pos += 4 + padded;
        }
        return null;
    }

    private void reset() {
        buf = null;
        off = 0;
        len = 0;
        messageType = 0;
        attrCount = 0;
        unknownCount = 0;
        headerValid = false;
        valid = false;
        drop = null;
    }

    private boolean fail(StunDrop reason) {
        drop = reason;
        return false;
    }

    /** True after a successful {@link #parse}. */
    public boolean isValid() {
        return valid;
    }

    /** Why the last parse failed, or null if it succeeded. */
    public StunDrop dropReason() {
        return drop;
    }

    /** True when the 20-byte header was readable (type bits, cookie), even if the rest was malformed. */
    public boolean hasHeader() {
        return headerValid;
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    /** The 14-bit message type without the two leading zero bits. Valid when {@link #hasHeader()}. */
    public int messageType() {
        return messageType;
    }

    public StunMessageClass messageClass() {
        return StunMessageClass.fromBits(((messageType >> 7) & 0x2) | ((messageType >> 4) & 0x1));
    }

    /** The 12-bit method, e.g. {@link #METHOD_BINDING}. */
    public int method() {
        return (messageType & 0x000F) | ((messageType >> 1) & 0x0070) | ((messageType >> 2) & 0x0F80);
    }

    /** Absolute offset of the 12-byte transaction id in {@link #buffer()}; read it there without copying. */
    public int transactionIdOffset() {
        return off + 8;
    }

    /** A copy of the transaction id, or null if no header was read. */
    public byte[] transactionIdCopy() {
        return headerValid ? Arrays.copyOfRange(buf, off + 8, off + 8 + TRANSACTION_ID_BYTES) : null;
    }

    /** True if the transaction id equals the 12 bytes at {@code other[otherOff]}. */
    public boolean transactionIdEquals(byte[] other, int otherOff) {
        return headerValid && Arrays.equals(buf, off + 8, off + 20, other, otherOff, otherOff + TRANSACTION_ID_BYTES);
    }

    public int attributeCount() {
        return attrCount;
    }

    public int attributeType(int index) {
        return attrType[index];
    }

    /** Absolute offset of attribute {@code index}'s value in {@link #buffer()}. */
    public int attributeValueOffset(int index) {
        return attrOffset[index];
    }

    /** Unpadded value length of attribute {@code index}. */
    public int attributeValueLength(int index) {
        return attrLength[index];
    }

    /** Index of the first attribute of {@code type}, or -1. */
    public int indexOf(int type) {
        for (int i = 0; i < attrCount; i++) {
            if (attrType[i] == type) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(int type) {
        return indexOf(type) >= 0;
    }

    /** Number of unknown comprehension-required attributes (possibly more than are listed). */
    public int unknownRequiredCount() {
        return unknownCount;
    }

    /** The listed unknown comprehension-required types, in order, at most {@link #MAX_UNKNOWN_LISTED}. */
    public int[] unknownRequiredTypes() {
        return Arrays.copyOf(unknown, Math.min(unknownCount, MAX_UNKNOWN_LISTED));
    }

    /** USERNAME decoded as UTF-8, or null. */
    public String username() {
        int i = indexOf(StunAttribute.USERNAME);
        return i < 0 ? null : new String(buf, attrOffset[i], attrLength[i], StandardCharsets.UTF_8);
    }

    /** True if USERNAME is present and byte-equal to {@code expectedUtf8}; does not allocate. */
    public boolean usernameEquals(byte[] expectedUtf8) {
        int i = indexOf(StunAttribute.USERNAME);
        return i >= 0 && Arrays.equals(buf, attrOffset[i], attrOffset[i] + attrLength[i],
                expectedUtf8, 0, expectedUtf8.length);
    }

    /** PRIORITY as an unsigned 32-bit value, or -1 if absent. */
    public long priority() {
        int i = indexOf(StunAttribute.PRIORITY);
        return i < 0 ? -1 : (int) Bytes.u32(buf, attrOffset[i]) & 0xFFFF_FFFFL;
    }

    /** The ICE-CONTROLLING tie-breaker; meaningful only if {@code has(ICE_CONTROLLING)}. */
    public long iceControlling() {
        return int64Of(StunAttribute.ICE_CONTROLLING);
    }

    /** The ICE-CONTROLLED tie-breaker; meaningful only if {@code has(ICE_CONTROLLED)}. */
    public long iceControlled() {
        return int64Of(StunAttribute.ICE_CONTROLLED);
    }

    public boolean hasUseCandidate() {
        return has(StunAttribute.USE_CANDIDATE);
    }

    private long int64Of(int type) {
        int i = indexOf(type);
        return i < 0 ? 0 : Bytes.u64(buf, attrOffset[i]);
    }

    /** ERROR-CODE as class * 100 + number (e.g. 401), or -1 if absent. */
    public int errorCode() {
        int i = indexOf(StunAttribute.ERROR_CODE);
        return i < 0 ? -1 : (buf[attrOffset[i] + 2] & 0x07) * 100 + (buf[attrOffset[i] + 3] & 0xFF);
    }

    /** The ERROR-CODE reason phrase, or null if absent. */
    public String errorReason() {
        int i = indexOf(StunAttribute.ERROR_CODE);
        return i < 0 ? null : new String(buf, attrOffset[i] + 4, attrLength[i] - 4, StandardCharsets.UTF_8);
    }

    /** XOR-MAPPED-ADDRESS decoded (IPv4 or IPv6), or null if absent. */
    public InetSocketAddress xorMappedAddress() {
        int i = indexOf(StunAttribute.XOR_MAPPED_ADDRESS);
        if (i < 0) {
            return null;
        }
        int v = attrOffset[i];
        int port = Bytes.u16(buf, v + 2) ^ (MAGIC_COOKIE >>> 16);
        byte[] ip = new byte[attrLength[i] - 4];
        for (int k = 0; k < ip.length; k++) {
            // The first 4 bytes are XORed with the cookie, the next 12 (IPv6) with the transaction id.
            ip[k] = (byte) (buf[v + 4 + k] ^ buf[off + 4 + k]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException impossibleLength) {
            return null;
        }
    }

    /** Index of the MESSAGE-INTEGRITY attribute, or -1. */
    public int messageIntegrityIndex() {
        return indexOf(StunAttribute.MESSAGE_INTEGRITY);
    }

    /** Index of the FINGERPRINT attribute, or -1. */
    public int fingerprintIndex() {
        return indexOf(StunAttribute.FINGERPRINT);
    }
}
