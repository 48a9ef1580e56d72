package dev.onair.protocol.rtcp;

/** Big-endian reads and writes plus the RTCP common header; callers check bounds first. */
final class RtcpBytes {
    private RtcpBytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static int u24(byte[] b, int i) {
        return ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static long u64(byte[] b, int i) {
        return (u32(b, i) << 32) | u32(b, i + 4);
    }

    static void put8(byte[] b, int i, int v) {
        b[i] = (byte) v;
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put24(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 16);
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void put64(byte[] b, int i, long v) {
        put32(b, i, v >>> 32);
        put32(b, i + 4, v);
    }

    /**
     * Checks room for a packet of {@code length} bytes and writes the common header: V=2, P=0, the 5-bit
     * count or FMT, the packet type and the length in 32-bit words minus one.
     */
    static void header(byte[] b, int off, int countOrFmt, int packetType, int length) {
        if (b == null || off < 0 || off > b.length - length) {
            throw new IllegalArgumentException("no room for " + length + " bytes at offset " + off);
        }
        b[off] = (byte) (0x80 | (countOrFmt & 0x1F));
        b[off + 1] = (byte) packetType;
        put16(b, off + 2, length / 4 - 1);
    }

    /** {@code n} rounded up to a multiple of 4. */
    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** Zeroes {@code buf[from, to)}. */
    static void zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            b[i] = 0;
        }
    }
}
