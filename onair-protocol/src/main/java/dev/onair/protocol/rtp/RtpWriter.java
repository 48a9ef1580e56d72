package dev.onair.protocol.rtp;

import dev.onair.protocol.Bytes;

/**
 * In-place rewrites of RTP fixed-header fields (RFC 3550 §5.1), as done per packet when forwarding.
 * {@code off} is the packet's first byte; the caller guarantees 12 bytes from there.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |  bytes 0-3
 * |                           timestamp                           |  bytes 4-7
 * |           synchronization source (SSRC) identifier            |  bytes 8-11
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class RtpWriter {
    private RtpWriter() {
    }

    /** Writes the low 16 bits of {@code seq}. */
    public static void setSequenceNumber(byte[] buf, int off, int seq) {
        Bytes.put16(buf, off + 2, seq);
    }

    /** Writes the low 32 bits of {@code timestamp}. */
    public static void setTimestamp(byte[] buf, int off, long timestamp) {
        Bytes.put32(buf, off + 4, timestamp);
    }

    /** Writes the low 32 bits of {@code ssrc}. */
    public static void setSsrc(byte[] buf, int off, long ssrc) {
        Bytes.put32(buf, off + 8, ssrc);
    }

    /** Writes the low 7 bits of {@code payloadType}, keeping the marker bit. */
    public static void setPayloadType(byte[] buf, int off, int payloadType) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
    }

    /** Sets or clears the marker bit, keeping the payload type. */
    public static void setMarker(byte[] buf, int off, boolean marker) {
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }
}
