package dev.onair.transport.demux;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer target: classification never throws, whatever the range, and needs at least one byte. */
class PacketClassifierFuzzTest {

    @FuzzTest
    void classify(FuzzedDataProvider in) {
        int off = in.consumeInt(-2, 40);
        int len = in.consumeInt(-2, 1500);
        byte[] data = in.consumeRemainingAsBytes();
        PacketKind kind = PacketClassifier.classify(data, off, len);
        if (kind != PacketKind.UNKNOWN) {
            assertThat(len).isPositive();
            assertThat(off + len).isLessThanOrEqualTo(data.length);
        }
    }
}
