package dev.onair.protocol.stun;

import dev.onair.protocol.Bytes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Encodes one STUN message (RFC 8489 §5, §14) into a reusable buffer: call {@link #start}, add attributes in wire
 * order, optionally end with {@link #messageIntegrity} and {@link #fingerprint}, then take {@link #toByteArray()}
 * or {@link #writeTo}. The header length field is kept current after every attribute.
 *
 * <pre>
 * +--+--+--------------------------+-------------------------------+
 * |00|  Message Type (14 bits)     |  Message Length (bytes after header)
 * +--+--+--------------------------+-------------------------------+
 * |  Magic Cookie 0x2112A442  |  Transaction ID (96 bits)  |  TLV attributes, padded to 4 bytes ...
 * +-------------------------------+-------------------------------+
 * </pre>
 * Local input only: misuse (no room, attribute after FINGERPRINT) throws {@link IllegalStateException}.
 * Not thread-safe.
 */
public final class StunMessageBuilder {
    public static final int DEFAULT_CAPACITY = 1280;

    private final byte[] buf;
    private int len;
    private byte padding;
    private boolean sealed;

    public StunMessageBuilder() {
        this(DEFAULT_CAPACITY);
    }

    public StunMessageBuilder(int capacityBytes) {
        this.buf = new byte[capacityBytes];
    }

    /** The message type for a class and a 12-bit method: M11..M7 C1 M6..M4 C0 M3..M0. */
    public static int messageType(StunMessageClass messageClass, int method) {
        int c = messageClass.ordinal();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((c & 0x1) << 4) | ((c & 0x2) << 7);
    }

    /** Starts a message, copying the 12-byte transaction id from {@code transactionId[tidOff]}. */
    public StunMessageBuilder start(StunMessageClass messageClass, int method, byte[] transactionId, int tidOff) {
        Bytes.put16(buf, 0, messageType(messageClass, method));
        Bytes.put32(buf, 4, StunMessage.MAGIC_COOKIE);
        System.arraycopy(transactionId, tidOff, buf, 8, StunMessage.TRANSACTION_ID_BYTES);
        len = StunMessage.HEADER_BYTES;
        padding = 0;
        sealed = false;
        updateLength();
        return this;
    }

    /** The byte used to pad attribute values to 4 bytes (0 by default; RFC 5769 vectors use 0x20). */
    public StunMessageBuilder paddingByte(byte value) {
        this.padding = value;
        return this;
    }

    /** Appends an attribute with a raw value. */
    public StunMessageBuilder attribute(int type, byte[] value, int valueOff, int valueLen) {
        int at = open(type, valueLen);
        System.arraycopy(value, valueOff, buf, at, valueLen);
        return this;
    }

    public StunMessageBuilder username(String username) {
        return text(StunAttribute.USERNAME, username);
    }

    public StunMessageBuilder software(String software) {
        return text(StunAttribute.SOFTWARE, software);
    }

    private StunMessageBuilder text(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return attribute(type, bytes, 0, bytes.length);
    }

    public StunMessageBuilder priority(long priority) {
        Bytes.put32(buf, open(StunAttribute.PRIORITY, 4), (int) priority);
        return this;
    }

    public StunMessageBuilder iceControlling(long tieBreaker) {
        Bytes.put64(buf, open(StunAttribute.ICE_CONTROLLING, 8), tieBreaker);
        return this;
    }

    public StunMessageBuilder iceControlled(long tieBreaker) {
        Bytes.put64(buf, open(StunAttribute.ICE_CONTROLLED, 8), tieBreaker);
        return this;
    }

    public StunMessageBuilder useCandidate() {
        open(StunAttribute.USE_CANDIDATE, 0);
        return this;
    }

    /** XOR-MAPPED-ADDRESS for a resolved IPv4 or IPv6 address (RFC 8489 §14.2). */
    public StunMessageBuilder xorMappedAddress(InetSocketAddress address) {
        if (address.getAddress() == null) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
        byte[] ip = address.getAddress().getAddress();
        int v = open(StunAttribute.XOR_MAPPED_ADDRESS, 4 + ip.length);
        buf[v] = 0;
        buf[v + 1] = (byte) (ip.length == 4 ? 0x01 : 0x02);
        Bytes.put16(buf, v + 2, address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16));
        for (int k = 0; k < ip.length; k++) {
            buf[v + 4 + k] = (byte) (ip[k] ^ buf[4 + k]);
        }
        return this;
    }

    /** ERROR-CODE with {@code code} 300..699 split into class and number, and a UTF-8 reason phrase. */
    public StunMessageBuilder errorCode(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int v = open(StunAttribute.ERROR_CODE, 4 + text.length);
        buf[v] = 0;
        buf[v + 1] = 0;
        buf[v + 2] = (byte) (code / 100);
        buf[v + 3] = (byte) (code % 100);
        System.arraycopy(text, 0, buf, v + 4, text.length);
        return this;
    }

    /** UNKNOWN-ATTRIBUTES listing the first {@code count} entries of {@code types} (RFC 8489 §14.9). */
    public StunMessageBuilder unknownAttributes(int[] types, int count) {
        int v = open(StunAttribute.UNKNOWN_ATTRIBUTES, 2 * count);
        for (int i = 0; i < count; i++) {
            Bytes.put16(buf, v + 2 * i, types[i]);
        }
        return this;
    }

    /** MESSAGE-INTEGRITY: HMAC-SHA1 under {@code key} (for ICE the password's UTF-8 bytes). */
    public StunMessageBuilder messageIntegrity(byte[] key) {
        int v = open(StunAttribute.MESSAGE_INTEGRITY, StunIntegrity.HMAC_SHA1_BYTES);
        StunIntegrity.hmacSha1(key, buf, 0, v - 4, buf, v);
        return this;
    }

    /** FINGERPRINT; must be the last attribute. */
    public StunMessageBuilder fingerprint() {
        int v = open(StunAttribute.FINGERPRINT, 4);
        Bytes.put32(buf, v, StunIntegrity.fingerprint(buf, 0, v - 4));
        sealed = true;
        return this;
    }

    /** Writes the attribute header, pads the value, updates the header length; returns the value offset. */
    private int open(int type, int valueLen) {
        int padded = (valueLen + 3) & ~3;
        if (sealed) {
            throw new IllegalStateException("no attribute may follow FINGERPRINT");
        }
        if (len == 0 || len + 4 + padded > buf.length || valueLen > 0xFFFF) {
            throw new IllegalStateException("not started, or no room for attribute " + type);
        }
        Bytes.put16(buf, len, type);
        Bytes.put16(buf, len + 2, valueLen);
        int value = len + 4;
        for (int i = value + valueLen; i < value + padded; i++) {
            buf[i] = padding;
        }
        len = value + padded;
        updateLength();
        return value;
    }

    private void updateLength() {
        Bytes.put16(buf, 2, len - StunMessage.HEADER_BYTES);
    }

    /** Bytes written so far. */
    public int length() {
        return len;
    }

    /** The builder's own buffer; the message is {@code buffer()[0..length())}. Reused by the next start. */
    public byte[] buffer() {
        return buf;
    }

    public byte[] toByteArray() {
        byte[] out = new byte[len];
        System.arraycopy(buf, 0, out, 0, len);
        return out;
    }

    /** Copies the message to {@code dst[dstOff]} and returns its length. */
    public int writeTo(byte[] dst, int dstOff) {
        System.arraycopy(buf, 0, dst, dstOff, len);
        return len;
    }
}
