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

    /**
     * The reverse of {@link #wrap}, in place for a received RTX packet {@code buf[off, off + len)} whose payload
     * (padding excluded) starts at {@code payloadOffset} (absolute) and is {@code payloadLength} long: the header
     * moves two bytes right over the OSN, and takes the original payload type, SSRC and the OSN as sequence number.
     * The restored packet is {@code buf[off + OSN_BYTES, off + len)}. Returns the OSN, or -1 when the payload has
     * nothing after the OSN (a padding-only probe) or the offsets do not fit; the buffer is then unchanged.
     */
    public static int unwrap(byte[] buf, int off, int len, int payloadOffset, int payloadLength,
            int originalPayloadType, long originalSsrc) {
        if (payloadLength <= OSN_BYTES || payloadOffset < off + 12 || payloadOffset + payloadLength > off + len) {
            return -1;
        }
        int osn = Bytes.u16(buf, payloadOffset);
        System.arraycopy(buf, off, buf, off + OSN_BYTES, payloadOffset - off);
        int o = off + OSN_BYTES;
        RtpWriter.setPayloadType(buf, o, originalPayloadType);
        RtpWriter.setSsrc(buf, o, originalSsrc);
        RtpWriter.setSequenceNumber(buf, o, osn);
        return osn;
    }
}
