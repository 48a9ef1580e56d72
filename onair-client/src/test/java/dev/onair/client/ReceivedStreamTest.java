package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceivedStreamTest {

    @Test
    void countsGapsAcrossTheWrapAndRecordsTheFirstPacketsKeyframeFlag() {
        ReceivedStream s = new ReceivedStream(7);
        s.onPacket(65534, 100, 96, false, true, 1);
        s.onPacket(65535, 100, 96, false, false, 2);
        s.onPacket(0, 100, 96, true, false, 3);
        assertThat(s.sequenceGaps()).isZero();
        s.onPacket(2, 3100, 98, false, false, 4);
        assertThat(s.sequenceGaps()).isEqualTo(1);
        assertThat(s.packets()).isEqualTo(4);
        assertThat(s.firstPacketKeyframe()).isTrue();
        assertThat(s.payloadTypes()).containsExactly(96, 98);
        assertThat(s.sequenceNumbers()).containsExactly(65534, 65535, 0, 2);
        assertThat(s.lastTimestamp()).isEqualTo(3100);
        assertThat(s.markers()).isEqualTo(1);
        assertThat(s.arrivalNanos()).containsExactly(1, 2, 3, 4);
    }
}
