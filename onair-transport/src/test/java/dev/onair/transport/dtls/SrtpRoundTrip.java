package dev.onair.transport.dtls;

import dev.onair.transport.srtp.SrtpSession;
import java.util.Arrays;

/** Protect-then-unprotect helpers for tests that only need to know the two sessions agree. */
final class SrtpRoundTrip {
    private SrtpRoundTrip() {
    }

    static boolean rtp(SrtpSession sender, SrtpSession receiver, int ssrc, int seq) {
        byte[] plain = new byte[12 + 100];
        plain[0] = (byte) 0x80; // V=2, no padding, no extension, CC=0
        plain[1] = 96; // M=0, PT=96
        plain[2] = (byte) (seq >>> 8);
        plain[3] = (byte) seq;
        plain[8] = (byte) (ssrc >>> 24);
        plain[9] = (byte) (ssrc >>> 16);
        plain[10] = (byte) (ssrc >>> 8);
        plain[11] = (byte) ssrc;
        Arrays.fill(plain, 12, plain.length, (byte) 0x5A);
        byte[] buf = Arrays.copyOf(plain, plain.length + SrtpSession.MAX_OVERHEAD);
        int protectedLen = sender.protectRtp(buf, 0, plain.length);
        if (protectedLen <= plain.length || Arrays.equals(buf, 12, plain.length, plain, 12, plain.length)) {
            return false;
        }
        int len = receiver.unprotectRtp(buf, 0, protectedLen);
        return len == plain.length && Arrays.equals(buf, 0, len, plain, 0, len);
    }

    static boolean rtcp(SrtpSession sender, SrtpSession receiver, int ssrc) {
        byte[] plain = {
            (byte) 0x80, (byte) 200, 0, 6, // V=2, RC=0, PT=200 (SR), length=6 words
            (byte) (ssrc >>> 24), (byte) (ssrc >>> 16), (byte) (ssrc >>> 8), (byte) ssrc, // sender SSRC
            1, 2, 3, 4, 5, 6, 7, 8, // NTP timestamp
            9, 10, 11, 12, // RTP timestamp
            0, 0, 0, 5, // packet count
            0, 0, 2, 0, // octet count
        };
        byte[] buf = Arrays.copyOf(plain, plain.length + SrtpSession.MAX_OVERHEAD);
        int protectedLen = sender.protectRtcp(buf, 0, plain.length);
        if (protectedLen <= plain.length) {
            return false;
        }
        int len = receiver.unprotectRtcp(buf, 0, protectedLen);
        return len == plain.length && Arrays.equals(buf, 0, len, plain, 0, len);
    }
}
