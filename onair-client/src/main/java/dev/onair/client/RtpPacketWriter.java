package dev.onair.client;

import dev.onair.protocol.Bytes;
/**
 * Writes an RTP fixed header (RFC 3550 §5.1) with an optional one-byte header extension carrying the MID
 * (RFC 8285 §4.2, RFC 8843 §15) and, for audio, the RFC 6464 audio level (V bit and level in the pad byte
 * after the MID, or first when there is no MID). Local input only, never parses; no allocation.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             SSRC                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       0xBE    |    0xDE       |      length = 1 (words)       |   (if X)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | L=0   |   MID (1 B)   |   0 (pad)     |   0 (pad)     |   MID only
 * |  ID   | L=0   |   MID (1 B)   |  ID   | L=0   |V|   level     |   MID and audio level
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class RtpPacketWriter {
    /** Bytes of the fixed header. */
    public static final int FIXED_HEADER_BYTES = 12;
    /** Bytes of the fixed header plus the one-word MID extension. */
    public static final int HEADER_WITH_MID_BYTES = 20;

    private RtpPacketWriter() {
    }

    /**
     * Writes the header at {@code buf[off]} and returns its length. {@code midExtensionId} 1..14 adds the MID
     * extension with the single ASCII character {@code mid}; 0 writes no extension.
     */
    public static int writeHeader(byte[] buf, int off, boolean marker, int payloadType, int sequenceNumber,
                                  long timestamp, long ssrc, int midExtensionId, char mid) {
        return writeHeader(buf, off, marker, payloadType, sequenceNumber, timestamp, ssrc, midExtensionId, mid, 0, 0);
    }

    /**
     * Like {@link #writeHeader(byte[], int, boolean, int, int, long, long, int, char)}, plus an RFC 6464 audio
     * level element when {@code levelExtensionId} is 1..14: {@code levelByte} is the element's byte (V bit
     * and level, see {@code dev.onair.protocol.rtp.AudioLevel#encode}). The extension stays one word long.
     */
    public static int writeHeader(byte[] buf, int off, boolean marker, int payloadType, int sequenceNumber,
                                  long timestamp, long ssrc, int midExtensionId, char mid, int levelExtensionId,
                                  int levelByte) {
        boolean level = levelExtensionId > 0;
        boolean ext = midExtensionId > 0 || level;
        buf[off] = (byte) (0x80 | (ext ? 0x10 : 0));
        buf[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        Bytes.put16(buf, off + 2, sequenceNumber);
        Bytes.put32(buf, off + 4, timestamp);
        Bytes.put32(buf, off + 8, ssrc);
        if (!ext) {
            return FIXED_HEADER_BYTES;
        }
        buf[off + 12] = (byte) 0xBE;
        buf[off + 13] = (byte) 0xDE;
        buf[off + 14] = 0;
        buf[off + 15] = 1;
        buf[off + 18] = 0;
        buf[off + 19] = 0;
        int at = off + 16;
        if (midExtensionId > 0) {
            buf[at++] = (byte) ((midExtensionId & 0x0F) << 4);
            buf[at++] = (byte) mid;
        }
        if (level) {
            buf[at++] = (byte) ((levelExtensionId & 0x0F) << 4);
            buf[at] = (byte) levelByte;
        }
        return HEADER_WITH_MID_BYTES;
    }
}
