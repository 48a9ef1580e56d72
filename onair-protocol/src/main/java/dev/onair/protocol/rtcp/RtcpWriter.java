package dev.onair.protocol.rtcp;

import java.util.List;

/**
 * Writes RTCP compound packets (RFC 3550 §6.1): the packets back to back, each already a multiple of
 * 32 bits long.
 *
 * <pre>
 * [SR or RR][SDES][feedback ...]   (order as given; this class does not reorder or validate the mix)
 * </pre>
 */
public final class RtcpWriter {
    private RtcpWriter() {
    }

    /** Total bytes {@link #writeCompound} needs. */
    public static int length(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.length();
        }
        return n;
    }

    /**
     * Writes every packet in order at {@code buf[off]}.
     *
     * @return bytes written, or -1 (nothing written) when they do not fit
     */
    public static int writeCompound(List<? extends RtcpPacket> packets, byte[] buf, int off) {
        int total = length(packets);
        if (buf == null || off < 0 || off > buf.length - total) {
            return -1;
        }
        int pos = off;
        for (RtcpPacket p : packets) {
            pos += p.writeTo(buf, pos);
        }
        return pos - off;
    }
}
