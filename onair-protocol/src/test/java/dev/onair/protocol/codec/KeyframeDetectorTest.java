package dev.onair.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyframeDetectorTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void vp8KeyframeWithExtendedDescriptor() {
        byte[] p = bytes(
                0x90,       // X=1, S=1, PID=0
                0xE0,       // I=1, L=1, T=1
                0x80, 0x2A, // M=1, 15-bit picture id 42
                0x05,       // TL0PICIDX
                0x40,       // TID/Y/KEYIDX
                0x10, 0x02, 0x00); // VP8 payload header: P=0 -> key frame
        assertThat(KeyframeDetector.isVp8KeyframeStart(p, 0, p.length)).isTrue();
    }

    @Test
    void vp8InterFrameAndContinuationAreNotKeyframes() {
        byte[] inter = bytes(0x10, 0x01, 0x00); // S=1, P=1
        byte[] continuation = bytes(0x00, 0x10); // S=0
        byte[] secondPartition = bytes(0x11, 0x10); // PID=1
        assertThat(KeyframeDetector.isVp8KeyframeStart(inter, 0, inter.length)).isFalse();
        assertThat(KeyframeDetector.isVp8KeyframeStart(continuation, 0, continuation.length)).isFalse();
        assertThat(KeyframeDetector.isVp8KeyframeStart(secondPartition, 0, secondPartition.length)).isFalse();
    }

    @Test
    void h264IdrSpsStapAndFuA() {
        byte[] idr = bytes(0x65, 0x88);                 // NRI=3, type 5
        byte[] sps = bytes(0x67, 0x42);                 // type 7
        byte[] stap = bytes(0x78, 0x00, 0x02, 0x67, 0x42, 0x00, 0x02, 0x68, 0xCE); // STAP-A: SPS, PPS
        byte[] fuStart = bytes(0x7C, 0x85, 0x00);       // FU-A, S=1, type 5
        byte[] fuMiddle = bytes(0x7C, 0x05, 0x00);      // FU-A, S=0
        byte[] pSlice = bytes(0x41, 0x9A);              // type 1
        assertThat(KeyframeDetector.isH264KeyframeStart(idr, 0, idr.length)).isTrue();
        assertThat(KeyframeDetector.isH264KeyframeStart(sps, 0, sps.length)).isTrue();
        assertThat(KeyframeDetector.isH264KeyframeStart(stap, 0, stap.length)).isTrue();
        assertThat(KeyframeDetector.isH264KeyframeStart(fuStart, 0, fuStart.length)).isTrue();
        assertThat(KeyframeDetector.isH264KeyframeStart(fuMiddle, 0, fuMiddle.length)).isFalse();
        assertThat(KeyframeDetector.isH264KeyframeStart(pSlice, 0, pSlice.length)).isFalse();
    }

    @Test
    void everyPrefixAndLyingStapSizesAreSafe() {
        byte[][] vectors = {bytes(0x90, 0xE0, 0x80, 0x2A, 0x05, 0x40, 0x10), bytes(0x78, 0x00, 0x09, 0x67),
                bytes(0x7C), bytes(0x78, 0xFF, 0xFF, 0x65)};
        for (byte[] v : vectors) {
            for (int n = 0; n <= v.length; n++) {
                KeyframeDetector.isVp8KeyframeStart(v, 0, n);
                KeyframeDetector.isH264KeyframeStart(v, 0, n);
            }
        }
        byte[] lying = bytes(0x78, 0xFF, 0xFF, 0x65);
        assertThat(KeyframeDetector.isH264KeyframeStart(lying, 0, lying.length)).isFalse();
    }
}
