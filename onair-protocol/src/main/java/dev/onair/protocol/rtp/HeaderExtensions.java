package dev.onair.protocol.rtp;

/**
 * Static, allocation-free access to RFC 8285 header extension elements and the id-remapping copy used when
 * forwarding a packet to a subscriber that negotiated different extension ids (RFC 8285 §4.2, §4.3, §6).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       0xBEDE or 0x100X        |     length (32-bit words)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   |  L=0  |     data      |  ID   |  L=1  |   data...     |  one-byte form
 * |      ID       |    length     |     data ...     | 0 (padding)|  two-byte form
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class HeaderExtensions {
    /** "Defined by profile" value of the one-byte form. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** "Defined by profile" value of the two-byte form, with the 4 appbits clear. */
    public static final int TWO_BYTE_PROFILE = 0x1000;
    /** One-byte-form ID that ends the block (RFC 8285 §4.2). */
    public static final int ONE_BYTE_STOP_ID = 15;
    /** Largest ID the one-byte form can carry. */
    public static final int ONE_BYTE_MAX_ID = 14;

    private HeaderExtensions() {
    }

    /** Absolute offset of the data of the first element with {@code id}, or -1 when absent. */
    public static int find(byte[] buf, RtpHeader h, int id) {
        long e = lookup(buf, h, id);
        return e < 0 ? -1 : ExtensionWalk.dataOffset(e);
    }

    /** Data length of the first element with {@code id} (0 is possible in the two-byte form), or -1 when absent. */
    public static int findLength(byte[] buf, RtpHeader h, int id) {
        long e = lookup(buf, h, id);
        return e < 0 ? -1 : ExtensionWalk.dataLength(e);
    }

    private static long lookup(byte[] buf, RtpHeader h, int id) {
        if (id <= 0 || !ExtensionWalk.walkable(h)) {
            return -1;
        }
        boolean twoByte = h.hasTwoByteExtensions();
        int pos = h.extensionsOffset();
        int end = pos + h.extensionsLength();
        long e;
        while ((e = ExtensionWalk.next(buf, pos, end, twoByte)) >= 0) {
            if (ExtensionWalk.id(e) == id) {
                return e;
            }
            pos = ExtensionWalk.nextPos(e);
        }
        return -1;
    }

    /**
     * Room that {@link #copyWithMappedExtensions} may need in {@code dst}: {@code packetLength +
     * extensionsLength / 2 + 3}. The rewrite only grows a packet when a one-byte block must switch to the
     * two-byte form (one more header byte per element, and every element is at least 2 bytes) plus re-padding.
     */
    public static int maxMappedLength(RtpHeader h) {
        return h.packetLength() + h.extensionsLength() / 2 + 3;
    }

    /**
     * Copies the packet that {@code h} was parsed from ({@code src} at {@code srcOff}, which must equal
     * {@code h.packetOffset()}) into {@code dst} at {@code dstOff}, renaming each extension element's id
     * {@code x} to {@code idMap[x] & 0xFF}; 0, or an id beyond {@code idMap}, drops the element.
     *
     * <ul>
     *   <li>Header, CSRCs, payload and RTP padding are copied unchanged.</li>
     *   <li>The one-byte form is kept unless a mapped id is above 14; then the whole block is written in the
     *       two-byte form with profile 0x1000. A two-byte block stays two-byte, appbits kept.</li>
     *   <li>Elements are written back to back; the block is zero-padded to a 32-bit boundary and its length
     *       rewritten. When no element is left, the block is omitted and the X bit cleared.</li>
     *   <li>Elements after a malformed one (running past the block) are dropped. A block with an unknown
     *       profile is copied unchanged.</li>
     * </ul>
     *
     * <p>{@code dst} needs {@link #maxMappedLength(RtpHeader)} bytes after {@code dstOff} to be always
     * enough, and must not overlap the source packet. Never throws and never allocates.
     *
     * @return bytes written to {@code dst}, or -1 when {@code dst} is too small, the ranges overlap or the
     *     arguments do not describe a parsed packet (nothing is written then)
     */
    public static int copyWithMappedExtensions(byte[] src, int srcOff, RtpHeader h, byte[] idMap, byte[] dst,
            int dstOff) {
        if (src == null || dst == null || h == null || h.dropReason() != null || h.packetLength() == 0
                || srcOff != h.packetOffset() || srcOff < 0 || srcOff > src.length - h.packetLength()
                || dstOff < 0 || dstOff > dst.length) {
            return -1;
        }
        if (!ExtensionWalk.walkable(h)) {
            return copyRange(src, srcOff, h.packetLength(), dst, dstOff);
        }
        return MappedExtensionWriter.write(src, srcOff, h, idMap, dst, dstOff);
    }

    private static int copyRange(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        if (len > dst.length - dstOff || overlaps(src, srcOff, len, dst, dstOff, len)) {
            return -1;
        }
        System.arraycopy(src, srcOff, dst, dstOff, len);
        return len;
    }

    static boolean overlaps(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) {
        return src == dst && srcOff < dstOff + dstLen && dstOff < srcOff + srcLen;
    }
}
