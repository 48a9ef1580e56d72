package dev.onair.sfu.rtx;

import dev.onair.protocol.Bytes;
import dev.onair.protocol.rtp.RtpWriter;

/**
 * Turns an RTP packet (already rewritten for its receiver) into its RTX form in place (RFC 4588 section 4):
 * the payload moves two bytes right behind the original sequence number (OSN), and payload type, SSRC and
 * sequence number become the RTX stream's. Padding, if any, stays at the end.
 */
public final class RtxPacket {
    /** The OSN field's size. */
    public static final int OSN_BYTES = 2;

    private RtxPacket() {
    }

    /**
     * Rewrites {@code buf[off, off + len)} whose payload starts at {@code payloadOffset} (absolute); returns the
     * new length, or -1 when {@code buf} has no room for the two extra bytes.
     */
    public static int wrap(byte[] buf, int off, int len, int payloadOffset, int rtxPayloadType, long rtxSsrc,
            int rtxSeq) {
        if (off + len + OSN_BYTES > buf.length || payloadOffset < off + 12 || payloadOffset > off + len) {
            return -1;
        }
        int osn = Bytes.u16(buf, off + 2);
        System.arraycopy(buf, payloadOffset, buf, payloadOffset + OSN_BYTES, off + len - payloadOffset);
        Bytes.put16(buf, payloadOffset, osn);
        RtpWriter.setPayloadType(buf, off, rtxPayloadType);
        RtpWriter.setSsrc(buf, off, rtxSsrc);
        RtpWriter.setSequenceNumber(buf, off, rtxSeq & 0xFFFF);
        return len + OSN_BYTES;
    }
}
