package dev.onair.transport.srtp;

import dev.onair.protocol.Bytes;
/**
 * The few RTP/RTCP header fields SRTP needs, read straight from the buffer (no views, no allocation). Never
 * throws: lengths are checked first and a malformed header is reported as a negative {@link SrtpDrop} code.
 *
 * <pre>
 * RTP fixed header (RFC 3550 §5.1), SRTP authenticates all of it and encrypts what follows (RFC 3711 §3.1):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             SSRC                              |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 CSRC list (CC x 32 bits)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  profile-specific ext id (X)  |   ext length in 32-bit words  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * RTCP (RFC 3550 §6.4): SRTCP leaves the first 8 bytes (V,P,RC,PT,length,SSRC of sender) in clear
 * (RFC 3711 §3.4) and appends |E| SRTCP index (31 bits)| then the tag.
 * </pre>
 */
final class SrtpPackets {
    /** RTP fixed header bytes. */
    static final int RTP_FIXED_HEADER = 12;
    /** RTCP bytes SRTCP leaves unencrypted: first header word plus sender SSRC. */
    static final int RTCP_CLEAR_HEADER = 8;
    /** The E flag and 31-bit SRTCP index word. */
    static final int SRTCP_INDEX_BYTES = 4;

    private SrtpPackets() {
    }

    /**
     * The RTP header length (fixed + CSRCs + extension) if a version-2 header and at least {@code trailerBytes}
     * more fit in {@code len}; otherwise a negative {@link SrtpDrop} code.
     */
    static int rtpHeaderLength(byte[] buf, int off, int len, int trailerBytes) {
        if (len < RTP_FIXED_HEADER + trailerBytes) {
            return SrtpDrop.TOO_SHORT.code();
        }
        int b0 = buf[off] & 0xFF;
        if ((b0 >>> 6) != 2) {
            return SrtpDrop.MALFORMED.code();
        }
        int header = RTP_FIXED_HEADER + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (header + 4 > len - trailerBytes) {
                return SrtpDrop.MALFORMED.code();
            }
            header += 4 + 4 * Bytes.u16(buf, off + header + 2);
        }
        return header <= len - trailerBytes ? header : SrtpDrop.MALFORMED.code();
    }

    /** 0 if {@code len} holds an RTCP header of version 2 plus {@code trailerBytes}; else a negative code. */
    static int checkRtcp(byte[] buf, int off, int len, int trailerBytes) {
        if (len < RTCP_CLEAR_HEADER + trailerBytes) {
            return SrtpDrop.TOO_SHORT.code();
        }
        return ((buf[off] & 0xFF) >>> 6) == 2 ? 0 : SrtpDrop.MALFORMED.code();
    }

    static int rtpSequenceNumber(byte[] buf, int off) {
        return Bytes.u16(buf, off + 2);
    }

    static int rtpSsrc(byte[] buf, int off) {
        return (int) Bytes.u32(buf, off + 8);
    }

    static int rtcpSenderSsrc(byte[] buf, int off) {
        return (int) Bytes.u32(buf, off + 4);
    }

    /** True if {@code buf} has {@code needed} writable bytes after {@code off + len}. */
    static boolean hasSpare(byte[] buf, int off, int len, int needed) {
        return off >= 0 && len >= 0 && (long) off + len + needed <= buf.length;
    }

    /** True if {@code [off, off + len)} lies inside {@code buf}. */
    static boolean inBounds(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && (long) off + len <= buf.length;
    }
}
