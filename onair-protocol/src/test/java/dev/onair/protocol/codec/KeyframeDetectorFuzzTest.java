package dev.onair.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer target for the codec payload inspection; seeds live in resources under KeyframeDetectorFuzzTestInputs/. */
class KeyframeDetectorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void inspect(FuzzedDataProvider in) {
        int off = in.consumeInt(0, 16);
        int lenSlack = in.consumeInt(-4, 4);
        byte[] payload = in.consumeRemainingAsBytes();
        byte[] buf = new byte[off + payload.length];
        System.arraycopy(payload, 0, buf, off, payload.length);
        int len = payload.length + lenSlack; // also lengths that run past the buffer or are negative
        boolean vp8 = KeyframeDetector.isVp8KeyframeStart(buf, off, len);
        boolean h264 = KeyframeDetector.isH264KeyframeStart(buf, off, len);
        if (len <= 0 || off + len > buf.length) {
            assertThat(vp8).isFalse();
            assertThat(h264).isFalse();
        }
    }
}
