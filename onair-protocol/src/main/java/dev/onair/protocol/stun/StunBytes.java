package dev.onair.protocol.stun;

/** Big-endian reads and writes for the STUN codec. Callers check bounds first. */
final class StunBytes {
    private StunBytes() {
    }

    static int uint16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static int int32(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static long int64(byte[] b, int i) {
        return ((long) int32(b, i) << 32) | (int32(b, i + 4) & 0xFFFF_FFFFL);
    }

    static void putUint16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void putInt32(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void putInt64(byte[] b, int i, long v) {
        putInt32(b, i, (int) (v >>> 32));
        putInt32(b, i + 4, (int) v);
    }
}
