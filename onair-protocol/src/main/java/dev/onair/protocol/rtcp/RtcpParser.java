package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an RTCP compound packet (RFC 3550 §6.1) and decodes each packet into a {@link RtcpPacket}. Never
 * throws on wire input.
 *
 * <pre>
 * datagram: [hdr|body (length+1)*4 bytes][hdr|body ...][hdr|body ... padding|cnt]
 * hdr:      V=2(2) P(1) count/FMT(5) | PT(8) | length in 32-bit words minus one (16)
 * </pre>
 *
 * <p>The walk stops at the first packet it cannot frame or decode (see {@link RtcpDrop}) and keeps the
 * packets before it. A packet with P=1 has its padding stripped (anywhere in the compound, as libwebrtc
 * sends TWCC so). Types and FMTs not modelled here become {@link UnknownRtcp}. RFC 3550's rule that a
 * compound starts with SR/RR is not enforced (RFC 5506 reduced-size RTCP).
 */
public final class RtcpParser {
    private RtcpParser() {
    }

    /** Parses {@code buf[off, off + len)}. */
    public static RtcpParseResult parse(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            return new RtcpParseResult(List.of(), RtcpDrop.BAD_BOUNDS);
        }
        if (len == 0) {
            return new RtcpParseResult(List.of(), RtcpDrop.EMPTY);
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (end - pos < 4) {
                return new RtcpParseResult(packets, RtcpDrop.TOO_SHORT);
            }
            int b0 = Bytes.u8(buf, pos);
            if ((b0 >>> 6) != 2) {
                return new RtcpParseResult(packets, RtcpDrop.BAD_VERSION);
            }
            int packetLength = (Bytes.u16(buf, pos + 2) + 1) * 4;
            if (packetLength > end - pos) {
                return new RtcpParseResult(packets, RtcpDrop.LENGTH_BEYOND_BUFFER);
            }
            int bodyEnd = pos + packetLength;
            if ((b0 & 0x20) != 0) {
                int padding = Bytes.u8(buf, bodyEnd - 1);
                if (padding == 0 || padding > packetLength - 4) {
                    return new RtcpParseResult(packets, RtcpDrop.BAD_PADDING);
                }
                bodyEnd -= padding;
            }
            RtcpPacketReader.Outcome decoded = RtcpPacketReader.read(buf, pos, bodyEnd, packetLength);
            if (decoded.drop() != null) {
                return new RtcpParseResult(packets, decoded.drop());
            }
            packets.add(decoded.packet());
            pos += packetLength;
        }
        return new RtcpParseResult(packets, null);
    }
}
