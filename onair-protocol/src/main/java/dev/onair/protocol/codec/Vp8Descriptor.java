package dev.onair.protocol.codec;

/**
 * Parses and rewrites in place the VP8 payload descriptor of one RTP payload (RFC 7741 section 4.2), and the
 * frame size of a key frame's first packet (RFC 6386 section 9.1). One reusable instance per caller: no allocation.
 * Never throws: {@link #parse} returns false and {@link #dropReason()} says why.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |X|R|N|S|R| PID | (required)
 * |I|L|T|K| RSV   | (if X)
 * |M| PictureID   | (if I; M=1: 15-bit id, second byte follows)
 * | TL0PICIDX     | (if L)
 * |TID|Y| KEYIDX  | (if T or K)
 * VP8 payload header (RFC 6386 section 9.1): 3-byte frame tag, P (bit 0 of byte 0) = 0 for a key frame, then
 * for a key frame: start code 9d 01 2a, 16-bit little-endian width (low 14 bits) and height (low 14 bits).
 * </pre>
 */
public final class Vp8Descriptor {
    /** Picture ids use 15 bits at most (M=1). */
    public static final int PICTURE_ID_MOD = 1 << 15;

    private Vp8Drop dropReason;
    private int headerLength;
    private boolean start;
    private int partitionId;
    private int pictureIdOffset;
    private int pictureId;
    private boolean longPictureId;
    private int tl0PicIdxOffset;
    private int tl0PicIdx;
    private boolean hasTid;
    private int tid;
    private boolean layerSync;
    private boolean keyframeStart;
    private int frameWidth;
    private int frameHeight;

    /**
     * Parses the descriptor at {@code buf[off..off+len)} (the RTP payload). Returns false (see {@link #dropReason})
     * when it is out of bounds or truncated; the accessors are then meaningless.
     */
    public boolean parse(byte[] buf, int off, int len) {
        dropReason = null;
        pictureIdOffset = -1;
        pictureId = -1;
        longPictureId = false;
        tl0PicIdxOffset = -1;
        tl0PicIdx = -1;
        hasTid = false;
        tid = 0;
        layerSync = false;
        keyframeStart = false;
        frameWidth = -1;
        frameHeight = -1;
        headerLength = 0;
        if (buf == null || off < 0 || len < 1 || off > buf.length - len) {
            dropReason = Vp8Drop.OUT_OF_BOUNDS;
            return false;
        }
        int b0 = buf[off] & 0xFF;
        start = (b0 & 0x10) != 0;
        partitionId = b0 & 0x07;
        int pos = 1;
        if ((b0 & 0x80) != 0) {
            if (pos >= len) {
                return truncated();
            }
            int x = buf[off + pos] & 0xFF;
            pos++;
            if ((x & 0x80) != 0) {
                if (pos >= len) {
                    return truncated();
                }
                int p0 = buf[off + pos] & 0xFF;
                pictureIdOffset = off + pos;
                if ((p0 & 0x80) != 0) {
                    if (pos + 1 >= len) {
                        return truncated();
                    }
                    longPictureId = true;
                    pictureId = ((p0 & 0x7F) << 8) | (buf[off + pos + 1] & 0xFF);
                    pos += 2;
                } else {
                    pictureId = p0;
                    pos++;
                }
            }
            if ((x & 0x40) != 0) {
                if (pos >= len) {
                    return truncated();
                }
                tl0PicIdxOffset = off + pos;
                tl0PicIdx = buf[off + pos] & 0xFF;
                pos++;
            }
            if ((x & 0x30) != 0) {
                if (pos >= len) {
                    return truncated();
                }
                int t = buf[off + pos] & 0xFF;
                if ((x & 0x20) != 0) {
                    hasTid = true;
                    tid = t >>> 6;
                    layerSync = (t & 0x20) != 0;
                }
                pos++;
            }
        }
        if (pos >= len) {
            return truncated();
        }
        headerLength = pos;
        keyframeStart = start && partitionId == 0 && (buf[off + pos] & 0x01) == 0;
        if (keyframeStart && len - pos >= 10 && (buf[off + pos + 3] & 0xFF) == 0x9D
                && (buf[off + pos + 4] & 0xFF) == 0x01 && (buf[off + pos + 5] & 0xFF) == 0x2A) {
            frameWidth = ((buf[off + pos + 6] & 0xFF) | ((buf[off + pos + 7] & 0xFF) << 8)) & 0x3FFF;
            frameHeight = ((buf[off + pos + 8] & 0xFF) | ((buf[off + pos + 9] & 0xFF) << 8)) & 0x3FFF;
        }
        return true;
    }

    private boolean truncated() {
        dropReason = Vp8Drop.TRUNCATED;
        return false;
    }

    /**
     * Writes {@code value} as the picture id of a parsed descriptor in the form it had (7 bits when M=0, else 15
     * bits), at the absolute offset {@link #pictureIdOffset()} of the same buffer layout.
     */
    public static void writePictureId(byte[] buf, int absOffset, boolean longForm, int value) {
        if (longForm) {
            buf[absOffset] = (byte) (0x80 | ((value >>> 8) & 0x7F));
            buf[absOffset + 1] = (byte) value;
        } else {
            buf[absOffset] = (byte) (value & 0x7F);
        }
    }

    /** Writes {@code value} as TL0PICIDX at the absolute offset {@link #tl0PicIdxOffset()}. */
    public static void writeTl0PicIdx(byte[] buf, int absOffset, int value) {
        buf[absOffset] = (byte) value;
    }

    /** Why the last {@link #parse} failed; null when it succeeded. */
    public Vp8Drop dropReason() {
        return dropReason;
    }

    /** Descriptor bytes before the VP8 payload header. */
    public int headerLength() {
        return headerLength;
    }

    /** S: this packet starts a VP8 partition. */
    public boolean isStart() {
        return start;
    }

    public int partitionId() {
        return partitionId;
    }

    public boolean hasPictureId() {
        return pictureIdOffset >= 0;
    }

    /** The picture id (7 or 15 bits), -1 when absent. */
    public int pictureId() {
        return pictureId;
    }

    /** M: the picture id uses 15 bits. */
    public boolean isLongPictureId() {
        return longPictureId;
    }

    /** Absolute offset of the picture id's first byte in the parsed buffer; -1 when absent. */
    public int pictureIdOffset() {
        return pictureIdOffset;
    }

    public boolean hasTl0PicIdx() {
        return tl0PicIdxOffset >= 0;
    }

    /** TL0PICIDX, -1 when absent. */
    public int tl0PicIdx() {
        return tl0PicIdx;
    }

    /** Absolute offset of TL0PICIDX in the parsed buffer; -1 when absent. */
    public int tl0PicIdxOffset() {
        return tl0PicIdxOffset;
    }

    /** T: the packet carries a temporal layer index. */
    public boolean hasTid() {
        return hasTid;
    }

    /** The temporal layer index (0 when absent). */
    public int tid() {
        return tid;
    }

    /** Y: a layer sync point (this frame depends only on TL0 frames). */
    public boolean isLayerSync() {
        return layerSync;
    }

    /** The first packet of a key frame. */
    public boolean isKeyframeStart() {
        return keyframeStart;
    }

    /** The key frame's width in pixels from its first packet; -1 when not one or truncated. */
    public int frameWidth() {
        return frameWidth;
    }

    /** The key frame's height in pixels from its first packet; -1 when not one or truncated. */
    public int frameHeight() {
        return frameHeight;
    }
}
