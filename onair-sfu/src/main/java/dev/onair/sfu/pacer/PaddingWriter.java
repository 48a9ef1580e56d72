package dev.onair.sfu.pacer;

import dev.onair.protocol.Bytes;
/**
 * Writes RTP padding-only packets for bandwidth probes (RFC 3550 section 5.1: the P bit set, the payload all
 * padding, its last byte the padding length). Each carries one header-extension element: the transport-cc id with
 * a 2-byte value 0, which {@link dev.onair.sfu.twcc.SequenceStamper} overwrites with the transport-wide number at
 * send, so the subscriber's feedback reports the probe. Ids 1..14 use the one-byte form (RFC 8285 profile 0xBEDE),
 * larger ids the two-byte form (0x1000). Stateless and allocation-free.
 */
public final class PaddingWriter {
    /** Fixed header (12) plus the extension block (4 + one 4-byte word). */
    public static final int HEADER_BYTES = 20;
    /** The most padding one packet carries (the padding length is one byte). */
    public static final int MAX_PADDING_BYTES = 255;

    private PaddingWriter() {
    }

    /**
     * Writes one packet into {@code buf} at {@code off}.
     *
     * @param paddingBytes clamped to 1..{@link #MAX_PADDING_BYTES}
     * @param transportCcId the subscriber's transport-cc extension id, 1..255
     * @return the packet length, or -1 when the id is out of range or the packet does not fit
     */
    public static int write(byte[] buf, int off, long ssrc, int payloadType, int sequenceNumber, long timestamp,
                            int paddingBytes, int transportCcId) {
        int padding = Math.max(1, Math.min(MAX_PADDING_BYTES, paddingBytes));
        int len = HEADER_BYTES + padding;
        if (transportCcId < 1 || transportCcId > 255 || buf == null || off < 0 || off > buf.length - len) {
            return -1;
        }
        buf[off] = (byte) 0xB0; // V=2, P=1, X=1, CC=0
        buf[off + 1] = (byte) (payloadType & 0x7F); // marker clear
        Bytes.put16(buf, off + 2, sequenceNumber);
        Bytes.put32(buf, off + 4, timestamp);
        Bytes.put32(buf, off + 8, ssrc);
        if (transportCcId <= 14) {
            Bytes.put16(buf, off + 12, 0xBEDE);
            Bytes.put16(buf, off + 14, 1);
            buf[off + 16] = (byte) ((transportCcId << 4) | 1); // id, length - 1
            buf[off + 17] = 0;
            buf[off + 18] = 0;
            buf[off + 19] = 0; // element padding
        } else {
            Bytes.put16(buf, off + 12, 0x1000);
            Bytes.put16(buf, off + 14, 1);
            buf[off + 16] = (byte) transportCcId;
            buf[off + 17] = 2;
            buf[off + 18] = 0;
            buf[off + 19] = 0;
        }
        for (int i = off + HEADER_BYTES; i < off + len - 1; i++) {
            buf[i] = 0;
        }
        buf[off + len - 1] = (byte) padding;
        return len;
    }
}
