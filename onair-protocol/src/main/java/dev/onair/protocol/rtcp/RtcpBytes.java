package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;

/** The RTCP common header and padding helpers; big-endian access is {@link Bytes}. */
final class RtcpBytes {
    private RtcpBytes() {
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
        Bytes.put16(b, off + 2, length / 4 - 1);
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
