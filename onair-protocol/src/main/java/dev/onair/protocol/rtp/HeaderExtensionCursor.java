package dev.onair.protocol.rtp;

/**
 * A reusable iterator over the elements of an RFC 8285 header extension block (one-byte form §4.2,
 * two-byte form §4.3). It never allocates and never reads outside the block that {@link RtpHeader} validated.
 *
 * <pre>
 * one-byte form (profile 0xBEDE)          two-byte form (profile 0x100X)
 *  0 1 2 3 4 5 6 7                         0                   1
 * +-+-+-+-+-+-+-+-+-+-+-...               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-...
 * |  ID   |  len  | data (len+1 bytes)    |      ID       |    length     | data (length bytes)
 * +-+-+-+-+-+-+-+-+-+-+-...               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-...
 * </pre>
 *
 * <p>A padding byte where an element would start is skipped (in the one-byte form any byte with ID 0, its
 * length nibble ignored; in the two-byte form a zero byte). In the one-byte form ID 15 ends the block
 * (§4.2). An element whose data would run past the block ends iteration and sets {@link #malformed()}.
 * Blocks with any other profile yield no elements.
 */
public final class HeaderExtensionCursor {
    private byte[] buf;
    private int pos;
    private int end;
    private boolean twoByte;
    private int id;
    private int dataOffset;
    private int dataLength;
    private boolean malformed;

    /** Starts iterating the extension block of {@code h}, which must have been parsed successfully from {@code buf}. */
    public HeaderExtensionCursor reset(byte[] buf, RtpHeader h) {
        this.buf = buf;
        this.id = 0;
        this.dataOffset = 0;
        this.dataLength = 0;
        this.malformed = false;
        this.twoByte = h.hasTwoByteExtensions();
        this.pos = h.extensionsOffset();
        this.end = ExtensionWalk.walkable(h) ? pos + h.extensionsLength() : pos;
        return this;
    }

    /** Moves to the next element; false when there is none (end, stop ID, or malformed data). */
    public boolean next() {
        if (pos >= end) {
            return clearCurrent();
        }
        long e = ExtensionWalk.next(buf, pos, end, twoByte);
        if (e < 0) {
            malformed |= e == ExtensionWalk.MALFORMED;
            pos = end;
            return clearCurrent();
        }
        id = ExtensionWalk.id(e);
        dataOffset = ExtensionWalk.dataOffset(e);
        dataLength = ExtensionWalk.dataLength(e);
        pos = ExtensionWalk.nextPos(e);
        return true;
    }

    private boolean clearCurrent() {
        id = 0;
        dataOffset = 0;
        dataLength = 0;
        return false;
    }

    /** ID of the current element: 1..14 in the one-byte form, 1..255 in the two-byte form. */
    public int id() {
        return id;
    }

    /** Absolute offset of the current element's data in the buffer. */
    public int dataOffset() {
        return dataOffset;
    }

    /** Bytes of data of the current element: 1..16 (one-byte form) or 0..255 (two-byte form). */
    public int dataLength() {
        return dataLength;
    }

    /** True when the block uses the two-byte form (the element header is 2 bytes, else 1). */
    public boolean twoByteForm() {
        return twoByte;
    }

    /** True once iteration stopped on an element that runs past the end of the block. */
    public boolean malformed() {
        return malformed;
    }
}
