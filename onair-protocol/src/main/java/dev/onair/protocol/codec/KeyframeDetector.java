package dev.onair.protocol.codec;

import dev.onair.protocol.Bytes;

/**
 * Tells whether an RTP payload starts a keyframe, for VP8 (RFC 7741) and H.264 (RFC 6184). Used to start a
 * subscriber's video (or resume it after a source switch) only where its decoder can begin. Never throws:
 * malformed or truncated payloads are simply "not a keyframe start".
 *
 * <pre>
 * VP8 payload descriptor (RFC 7741 §4.2)            H.264 NAL unit header (RFC 6184 §1.3)
 *  0 1 2 3 4 5 6 7                                    +---------------+
 * +-+-+-+-+-+-+-+-+                                   |0|1|2|3|4|5|6|7|
 * |X|R|N|S|R| PID | (required)                        +-+-+-+-+-+-+-+-+
 * |I|L|T|K| RSV   | (if X)                            |F|NRI|  Type   |
 * |M| PictureID   | (if I; 2nd byte if M)             +---------------+
 * | TL0PICIDX     | (if L)             types: 5 IDR slice, 7 SPS, 24 STAP-A, 28 FU-A
 * |TID|Y| KEYIDX  | (if T or K)
 * then the VP8 payload header: bit 0 of its first byte is P, 0 = key frame (RFC 6386 §9.1)
 * </pre>
 */
public final class KeyframeDetector {
    private static final int NAL_IDR = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_STAP_A = 24;
    private static final int NAL_FU_A = 28;

    private KeyframeDetector() {
    }

    /** True if this VP8 payload is the first packet of a key frame. */
    public static boolean isVp8KeyframeStart(byte[] buf, int off, int len) {
        if (len < 1 || off < 0 || off + len > buf.length) {
            return false;
        }
        int b0 = buf[off] & 0xFF;
        boolean start = (b0 & 0x10) != 0;
        int partitionId = b0 & 0x07;
        if (!start || partitionId != 0) {
            return false;
        }
        int pos = 1;
        if ((b0 & 0x80) != 0) {
            if (pos >= len) {
                return false;
            }
            int x = buf[off + pos] & 0xFF;
            pos++;
            if ((x & 0x80) != 0) { // I: picture id
                if (pos >= len) {
                    return false;
                }
                pos += (buf[off + pos] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) { // L: TL0PICIDX
                pos++;
            }
            if ((x & 0x30) != 0) { // T or K
                pos++;
            }
        }
        if (pos >= len) {
            return false;
        }
        return (buf[off + pos] & 0x01) == 0;
    }

    /** True if this H.264 payload carries an IDR slice start or an SPS (what a decoder needs to start). */
    public static boolean isH264KeyframeStart(byte[] buf, int off, int len) {
        if (len < 1 || off < 0 || off + len > buf.length) {
            return false;
        }
        int type = buf[off] & 0x1F;
        if (type == NAL_IDR || type == NAL_SPS) {
            return true;
        }
        if (type == NAL_FU_A) {
            if (len < 2) {
                return false;
            }
            int fu = buf[off + 1] & 0xFF;
            int inner = fu & 0x1F;
            return (fu & 0x80) != 0 && (inner == NAL_IDR || inner == NAL_SPS);
        }
        if (type == NAL_STAP_A) {
            int pos = 1;
            while (pos + 2 < len) {
                int size = Bytes.u16(buf, off + pos);
                pos += 2;
                if (size == 0 || pos + size > len) {
                    return false;
                }
                int nal = buf[off + pos] & 0x1F;
                if (nal == NAL_IDR || nal == NAL_SPS) {
                    return true;
                }
                pos += size;
            }
        }
        return false;
    }
}
