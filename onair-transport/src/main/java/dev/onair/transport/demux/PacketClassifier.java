package dev.onair.transport.demux;

/**
 * Classifies a datagram by its first byte (RFC 7983 §7, which updates RFC 5764 §5.1.2):
 *
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--> STUN          (len &gt;= 20)
 *                  |      [16..19] -+--> ZRTP          (UNKNOWN: not supported)
 *      packet --&gt;  |      [20..63] -+--> DTLS          (len &gt;= 13)
 *                  |      [64..79] -+--> TURN channel  (len &gt;= 4)
 *                  |    [128..191] -+--> RTP / RTCP
 *                  +----------------+
 * </pre>
 * RTP and RTCP are told apart by the second byte (marker bit and payload type): 192..223 is RTCP (SR 200 ... and
 * the range RFC 5761 §4 reserves so that RTP payload types 64-95 never collide), anything else RTP (len &gt;= 12);
 * RTCP needs len &gt;= 8 (header plus sender SSRC). Never throws: a bad range is UNKNOWN.
 */
public final class PacketClassifier {
    public static final int MIN_STUN_BYTES = 20;
    public static final int MIN_DTLS_BYTES = 13;
    public static final int MIN_TURN_CHANNEL_BYTES = 4;
    public static final int MIN_RTP_BYTES = 12;
    public static final int MIN_RTCP_BYTES = 8;

    private PacketClassifier() {
    }

    public static PacketKind classify(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 1 || off > buf.length - len) {
            return PacketKind.UNKNOWN;
        }
        int first = buf[off] & 0xFF;
        if (first <= 3) {
            return atLeast(len, MIN_STUN_BYTES, PacketKind.STUN);
        }
        if (first >= 20 && first <= 63) {
            return atLeast(len, MIN_DTLS_BYTES, PacketKind.DTLS);
        }
        if (first >= 64 && first <= 79) {
            return atLeast(len, MIN_TURN_CHANNEL_BYTES, PacketKind.TURN_CHANNEL);
        }
        if (first >= 128 && first <= 191) {
            if (len < 2) {
                return PacketKind.UNKNOWN;
            }
            int second = buf[off + 1] & 0xFF;
            return second >= 192 && second <= 223
                    ? atLeast(len, MIN_RTCP_BYTES, PacketKind.RTCP)
                    : atLeast(len, MIN_RTP_BYTES, PacketKind.RTP);
        }
        return PacketKind.UNKNOWN;
    }

    private static PacketKind atLeast(int len, int min, PacketKind kind) {
        return len >= min ? kind : PacketKind.UNKNOWN;
    }
}
