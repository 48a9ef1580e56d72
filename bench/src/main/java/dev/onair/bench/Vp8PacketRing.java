package dev.onair.bench;

import dev.onair.transport.srtp.SrtpSession;

/**
 * A ring of publisher packets covering the whole 16-bit sequence space, built once in benchmark setup: one VP8
 * RTP packet per sequence number, each with a new timestamp (30 frames/s at 90 kHz), and optionally
 * SRTP-protected by the publisher's sending session. Covering all 65,536 sequence numbers means the forwarded
 * stream never goes back when the ring wraps: sequence numbers wrap as in a real call; only the receiving SRTP
 * session (whose replay window has seen every index) must be renewed then.
 *
 * <pre>
 * RTP (RFC 3550 §5.1) with a one-byte header extension block (RFC 8285 §4.2), 1,200 bytes in all:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|0|1|   0   |0|   PT=96     |       sequence number         |
 * |                   timestamp (seq * 3000)                      |
 * |                         SSRC                                  |
 * |            0xBEDE             |        length = 2             |
 * | ID=mid  | L=0 |     '0'       | ID=abs  | L=2 | abs-send-time |
 * |   abs-send-time (cont.)       |         padding (0)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |X|R|N|S|R| PID | I |M| PictureID (15) | VP8 payload header ...   (RFC 7741 §4.2, §4.3)
 * </pre>
 */
final class Vp8PacketRing {
    /** One packet per 16-bit sequence number. */
    static final int SIZE = 1 << 16;
    static final int PACKET_BYTES = 1200;
    static final int PAYLOAD_TYPE = 96;
    static final int MID_ID = 4;
    static final int ABS_SEND_TIME_ID = 2;
    static final int TICKS_PER_FRAME = 3000;
    /** Bytes before the VP8 payload descriptor: 12 fixed + 4 extension header + 8 extension data. */
    static final int HEADER_BYTES = 24;

    private final byte[][] packets = new byte[SIZE][];
    private final int[] lengths = new int[SIZE];

    /**
     * @param ssrc   the publisher's SSRC
     * @param sender the publisher's SRTP sending session, or null for plain RTP
     */
    Vp8PacketRing(int ssrc, SrtpSession sender) {
        for (int seq = 0; seq < SIZE; seq++) {
            byte[] buf = new byte[PACKET_BYTES + SrtpSession.MAX_OVERHEAD];
            write(buf, seq, ssrc);
            int len = sender == null ? PACKET_BYTES : sender.protectRtp(buf, 0, PACKET_BYTES);
            if (len < 0) {
                throw new IllegalStateException("setup protect failed: " + len);
            }
            packets[seq] = buf;
            lengths[seq] = len;
        }
    }

    byte[] packet(int seq) {
        return packets[seq & 0xFFFF];
    }

    int length(int seq) {
        return lengths[seq & 0xFFFF];
    }

    /** Writes the plain RTP packet of sequence number {@code seq}; sequence number 0 starts a key frame. */
    static void write(byte[] buf, int seq, int ssrc) {
        long ts = (long) seq * TICKS_PER_FRAME;
        buf[0] = (byte) 0x90; // V=2, P=0, X=1, CC=0
        buf[1] = (byte) PAYLOAD_TYPE; // M=0, PT
        buf[2] = (byte) (seq >>> 8); // sequence number
        buf[3] = (byte) seq;
        buf[4] = (byte) (ts >>> 24); // timestamp
        buf[5] = (byte) (ts >>> 16);
        buf[6] = (byte) (ts >>> 8);
        buf[7] = (byte) ts;
        buf[8] = (byte) (ssrc >>> 24); // SSRC
        buf[9] = (byte) (ssrc >>> 16);
        buf[10] = (byte) (ssrc >>> 8);
        buf[11] = (byte) ssrc;
        buf[12] = (byte) 0xBE; // one-byte extension profile 0xBEDE
        buf[13] = (byte) 0xDE;
        buf[14] = 0; // extension length: 2 words
        buf[15] = 2;
        buf[16] = (byte) (MID_ID << 4); // mid, L=0 (1 byte)
        buf[17] = '0'; // mid "0"
        buf[18] = (byte) (ABS_SEND_TIME_ID << 4 | 2); // abs-send-time, L=2 (3 bytes)
        buf[19] = (byte) (seq >>> 4); // abs-send-time, 6.18 fixed point seconds
        buf[20] = (byte) (seq << 4);
        buf[21] = 0;
        buf[22] = 0; // padding
        buf[23] = 0;
        buf[24] = (byte) 0x90; // VP8 descriptor: X=1, S=1, PID=0
        buf[25] = (byte) 0x80; // I=1: picture id present
        buf[26] = (byte) (0x80 | (seq >>> 8) & 0x7F); // M=1, 15-bit picture id
        buf[27] = (byte) seq;
        buf[28] = (byte) (seq == 0 ? 0x00 : 0x01); // VP8 payload header: P=0 is a key frame (RFC 6386 §9.1)
        for (int i = 29; i < PACKET_BYTES; i++) {
            buf[i] = (byte) (i * 7 + seq);
        }
    }
}
