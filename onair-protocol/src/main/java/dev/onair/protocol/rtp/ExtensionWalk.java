package dev.onair.protocol.rtp;

/**
 * One step of an RFC 8285 element walk (§4.2, §4.3), shared by the cursor and the static helpers. The
 * element is packed into a long so that callers need no object: {@code dataOffset << 16 | id << 8 | length}.
 */
final class ExtensionWalk {
    /** No further element (end of block, or the one-byte stop ID 15). */
    static final long END = -1L;
    /** The next element runs past the block. */
    static final long MALFORMED = -2L;

    private ExtensionWalk() {
    }

    /** The element starting at or after {@code pos} (padding skipped), or {@link #END} / {@link #MALFORMED}. */
    static long next(byte[] buf, int pos, int end, boolean twoByte) {
        int p = pos;
        while (p < end) {
            int b = buf[p] & 0xFF;
            if (twoByte ? b == 0 : (b >>> 4) == 0) {
                p++;
                continue;
            }
            int id;
            int start;
            int length;
            if (twoByte) {
                if (p + 2 > end) {
                    return MALFORMED;
                }
                id = b;
                start = p + 2;
                length = buf[p + 1] & 0xFF;
            } else {
                id = b >>> 4;
                if (id == HeaderExtensions.ONE_BYTE_STOP_ID) {
                    return END;
                }
                start = p + 1;
                length = (b & 0x0F) + 1;
            }
            if (start + length > end) {
                return MALFORMED;
            }
            return ((long) start << 16) | ((long) id << 8) | length;
        }
        return END;
    }

    static int id(long element) {
        return (int) (element >>> 8) & 0xFF;
    }

    static int dataOffset(long element) {
        return (int) (element >>> 16);
    }

    static int dataLength(long element) {
        return (int) element & 0xFF;
    }

    /** Offset just after the element's data: where the next walk step starts. */
    static int nextPos(long element) {
        return dataOffset(element) + dataLength(element);
    }

    /** True when {@code h} carries an RFC 8285 block (one-byte 0xBEDE or two-byte 0x100X profile). */
    static boolean walkable(RtpHeader h) {
        return h.hasOneByteExtensions() || h.hasTwoByteExtensions();
    }
}
