package dev.onair.protocol.rtcp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Any RTCP packet this package does not model (APP 204, XR 207, unknown feedback FMTs, PLI with extra bytes,
 * AFB that is not REMB, future types), kept byte for byte so that it can be forwarded or logged. Never an
 * error (RFC 3550 §6.1: unknown types are ignored).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| count/FMT |      PT       |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           raw body, padding included, as received ...          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param packetType the PT byte
 * @param fmt the 5-bit count/FMT field
 * @param raw the whole packet, header included; its length should be a multiple of 4
 */
public record UnknownRtcp(int packetType, int fmt, byte[] raw) implements RtcpPacket {
    public UnknownRtcp {
        raw = raw.clone();
    }

    /** A copy of the whole packet, header included. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public int length() {
        return raw.length;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        if (buf == null || off < 0 || off > buf.length - raw.length) {
            throw new IllegalArgumentException("no room for " + raw.length + " bytes at offset " + off);
        }
        System.arraycopy(raw, 0, buf, off, raw.length);
        return raw.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcp u && u.packetType == packetType && u.fmt == fmt && Arrays.equals(u.raw, raw);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * packetType + fmt) + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "UnknownRtcp[packetType=" + packetType + ", fmt=" + fmt + ", raw=" + HexFormat.of().formatHex(raw) + "]";
    }
}
