package dev.onair.protocol.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer target for the RFC 2198 parser and stripper; seeds live in resources under RedPayloadFuzzTestInputs/. */
class RedPayloadFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        RedPayload red = new RedPayload();
        boolean ok = red.parse(data, 0, data.length);
        if (!ok) {
            assertThat(red.dropReason()).isNotNull();
            assertThat(red.primaryPayloadType()).isEqualTo(-1);
            return;
        }
        assertThat(red.dropReason()).isNull();
        assertThat(red.redundantBlocks()).isBetween(0, RedPayload.MAX_BLOCKS);
        assertThat(red.primaryPayloadType()).isBetween(0, 127);
        assertThat(red.primaryOffset() + red.primaryLength()).isEqualTo(data.length);
        int end = red.redundantBlocks() * 4 + 1;
        for (int i = 0; i < red.redundantBlocks(); i++) {
            assertThat(red.blockOffset(i)).isEqualTo(end);
            end += red.blockLength(i);
        }
        assertThat(end).isEqualTo(red.primaryOffset());
        byte[] packet = new byte[12 + data.length];
        packet[0] = (byte) 0xA0;
        System.arraycopy(data, 0, packet, 12, data.length);
        int len = red.stripToPrimary(packet, 0, 12, 111);
        assertThat(len).isEqualTo(12 + red.primaryLength());
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(packet, 0, len)).isTrue();
        assertThat(h.payloadType()).isEqualTo(111);
        assertThat(h.payloadLength()).isEqualTo(red.primaryLength());
    }
}
