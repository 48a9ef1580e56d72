package dev.onair.protocol.rtp;

import dev.onair.protocol.Bytes;

/**
 * A reusable, mutable view of an RTP packet's header (RFC 3550 §5.1, header extension §5.3.1).
 * {@link #parse(byte[], int, int)} reads the fields into primitives and never allocates; offsets it reports
 * are absolute indexes into the parsed buffer.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |  CC times
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |      defined by profile       |     length (32-bit words)     |  if X
 * |                        header extension                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            payload  ...  | padding | pad count|  pad count if P
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Not thread-safe: one instance per media loop (or per pipeline stage) is reused for every packet.
 */
public final class RtpHeader {
    /** Length of the fixed part of the header in bytes. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private RtpDrop dropReason;
    private int packetOffset;
    private int packetLength;
    private int firstByte;
    private int secondByte;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private int csrcCount;
    private int headerLength;
    private int extensionProfile;
    private int extensionsOffset;
    private int extensionsLength;
    private int paddingLength;

    /**
     * Parses the packet in {@code buf[off, off + len)}. Never throws and never allocates.
     *
     * @return true when the header is valid; otherwise false and {@link #dropReason()} says why
     */
    public boolean parse(byte[] buf, int off, int len) {
        clear();
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            return drop(RtpDrop.BAD_BOUNDS);
        }
        if (len < FIXED_HEADER_LENGTH) {
            return drop(RtpDrop.TOO_SHORT);
        }
        int b0 = Bytes.u8(buf, off);
        if ((b0 >>> 6) != 2) {
            return drop(RtpDrop.BAD_VERSION);
        }
        int cc = b0 & 0x0F;
        int pos = FIXED_HEADER_LENGTH + 4 * cc;
        if (pos > len) {
            return drop(RtpDrop.BAD_CSRC_COUNT);
        }
        int profile = 0;
        int extOff = 0;
        int extLen = 0;
        if ((b0 & 0x10) != 0) {
            if (pos + 4 > len) {
                return drop(RtpDrop.BAD_EXTENSION_LENGTH);
            }
            profile = Bytes.u16(buf, off + pos);
            extLen = 4 * Bytes.u16(buf, off + pos + 2);
            extOff = off + pos + 4;
            pos += 4 + extLen;
            if (pos > len) {
                return drop(RtpDrop.BAD_EXTENSION_LENGTH);
            }
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            padding = Bytes.u8(buf, off + len - 1);
            if (padding == 0 || padding > len - pos) {
                return drop(RtpDrop.BAD_PADDING);
            }
        }
        packetOffset = off;
        packetLength = len;
        firstByte = b0;
        secondByte = Bytes.u8(buf, off + 1);
        sequenceNumber = Bytes.u16(buf, off + 2);
        timestamp = Bytes.u32(buf, off + 4);
        ssrc = Bytes.u32(buf, off + 8);
        csrcCount = cc;
        headerLength = pos;
        extensionProfile = profile;
        extensionsOffset = extOff;
        extensionsLength = extLen;
        paddingLength = padding;
        return true;
    }

    private void clear() {
        dropReason = null;
        packetOffset = 0;
        packetLength = 0;
        firstByte = 0;
        secondByte = 0;
        sequenceNumber = 0;
        timestamp = 0;
        ssrc = 0;
        csrcCount = 0;
        headerLength = 0;
        extensionProfile = 0;
        extensionsOffset = 0;
        extensionsLength = 0;
        paddingLength = 0;
    }

    private boolean drop(RtpDrop reason) {
        dropReason = reason;
        return false;
    }

    /** Why the last {@link #parse} failed, or null after a successful parse. */
    public RtpDrop dropReason() {
        return dropReason;
    }

    public int version() {
        return firstByte >>> 6;
    }

    public boolean hasPadding() {
        return (firstByte & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (firstByte & 0x10) != 0;
    }

    public int csrcCount() {
        return csrcCount;
    }

    public boolean marker() {
        return (secondByte & 0x80) != 0;
    }

    public int payloadType() {
        return secondByte & 0x7F;
    }

    /** 0..65535. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** 0..2^32-1, in the RTP clock of the payload type. */
    public long timestamp() {
        return timestamp;
    }

    /** 0..2^32-1. */
    public long ssrc() {
        return ssrc;
    }

    /** Absolute offset in the parsed buffer of CSRC number {@code index} (0-based, below {@link #csrcCount()}). */
    public int csrcOffset(int index) {
        return packetOffset + FIXED_HEADER_LENGTH + 4 * index;
    }

    /** Absolute offset of the packet's first byte in the parsed buffer. */
    public int packetOffset() {
        return packetOffset;
    }

    /** Bytes from the packet start to the payload: fixed header, CSRCs and the whole extension block. */
    public int headerLength() {
        return headerLength;
    }

    /** Absolute offset of the payload in the parsed buffer. */
    public int payloadOffset() {
        return packetOffset + headerLength;
    }

    /** Payload bytes, excluding padding. */
    public int payloadLength() {
        return packetLength - headerLength - paddingLength;
    }

    /** Padding bytes at the end of the packet, including the count byte; 0 when P is clear. */
    public int paddingLength() {
        return paddingLength;
    }

    /** The 16-bit "defined by profile" field: 0xBEDE (one-byte), 0x1000-0x100F (two-byte) or other; 0 if no X. */
    public int extensionProfile() {
        return extensionProfile;
    }

    /** Absolute offset of the first byte after the 4-byte extension header; 0 if no X. */
    public int extensionsOffset() {
        return extensionsOffset;
    }

    /** Bytes of extension data after the 4-byte extension header (a multiple of 4). */
    public int extensionsLength() {
        return extensionsLength;
    }

    /** Whole packet length in bytes, as given to {@link #parse}. */
    public int packetLength() {
        return packetLength;
    }

    /** True when the extension block uses the RFC 8285 one-byte form (profile 0xBEDE). */
    public boolean hasOneByteExtensions() {
        return hasExtension() && extensionProfile == HeaderExtensions.ONE_BYTE_PROFILE;
    }

    /** True when the extension block uses the RFC 8285 two-byte form (profile 0x100X). */
    public boolean hasTwoByteExtensions() {
        return hasExtension() && (extensionProfile & 0xFFF0) == HeaderExtensions.TWO_BYTE_PROFILE;
    }
}
