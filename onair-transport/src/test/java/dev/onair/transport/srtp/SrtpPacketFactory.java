package dev.onair.transport.srtp;

import dev.onair.protocol.Bytes;
import java.util.Arrays;

/** Builds plain RTP/RTCP packets (with spare room for the SRTP trailer) for session tests. */
final class SrtpPacketFactory {
    private SrtpPacketFactory() {
    }

    /** A 12-byte-header RTP packet with {@code payloadBytes} of a seq-dependent pattern, plus MAX_OVERHEAD spare. */
    static byte[] rtp(int ssrc, int seq, int payloadBytes) {
        byte[] buf = new byte[12 + payloadBytes + SrtpSession.MAX_OVERHEAD];
        buf[0] = (byte) 0x80; // V=2
        buf[1] = 111; // PT=111
        buf[2] = (byte) (seq >>> 8);
        buf[3] = (byte) seq;
        Bytes.put32(buf, 4, seq * 960); // timestamp
        Bytes.put32(buf, 8, ssrc);
        for (int i = 0; i < payloadBytes; i++) {
            buf[12 + i] = (byte) (seq + i);
        }
        return buf;
    }

    /** A sender report of 28 bytes from {@code ssrc}, plus MAX_OVERHEAD spare. */
    static byte[] rtcp(int ssrc) {
        byte[] buf = new byte[28 + SrtpSession.MAX_OVERHEAD];
        buf[0] = (byte) 0x80; // V=2, RC=0
        buf[1] = (byte) 200; // PT=SR
        buf[3] = 6; // length in words - 1
        Bytes.put32(buf, 4, ssrc);
        for (int i = 8; i < 28; i++) {
            buf[i] = (byte) (i * 7);
        }
        return buf;
    }

    static byte[] copy(byte[] buf, int len) {
        return Arrays.copyOf(buf, len + SrtpSession.MAX_OVERHEAD);
    }
}
