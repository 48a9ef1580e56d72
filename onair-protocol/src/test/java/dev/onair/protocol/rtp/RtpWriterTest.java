package dev.onair.protocol.rtp;

import static dev.onair.protocol.rtp.RtpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpWriterTest {
    @Test
    void rewritesFixedHeaderFieldsInPlace() {
        byte[] p = RtpVectors.plain();
        RtpWriter.setSequenceNumber(p, 0, 0x1_ABCD); // only the low 16 bits are kept
        RtpWriter.setTimestamp(p, 0, 0x1_0000_0002L);
        RtpWriter.setSsrc(p, 0, 0xFFFFFFFFL);
        RtpWriter.setPayloadType(p, 0, 100);
        assertThat(p).containsExactly(bytes(
                0x80,                   // V=2 P=0 X=0 CC=0
                0xE4,                   // M=1 kept, PT=100
                0xAB, 0xCD,             // sequence number
                0x00, 0x00, 0x00, 0x02, // timestamp
                0xFF, 0xFF, 0xFF, 0xFF, // SSRC
                0x01, 0x02, 0x03));     // payload untouched
    }

    @Test
    void markerTogglesWithoutTouchingPayloadType() {
        byte[] p = RtpVectors.plain();
        RtpWriter.setMarker(p, 0, false);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(p, 0, p.length)).isTrue();
        assertThat(h.marker()).isFalse();
        assertThat(h.payloadType()).isEqualTo(96);
        RtpWriter.setMarker(p, 0, true);
        assertThat(p[1]).isEqualTo((byte) 0xE0);
    }

    @Test
    void writesAtAnOffset() {
        byte[] buf = new byte[20];
        System.arraycopy(RtpVectors.plain(), 0, buf, 5, 15);
        RtpWriter.setSsrc(buf, 5, 0x01020304L);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 5, 15)).isTrue();
        assertThat(h.ssrc()).isEqualTo(0x01020304L);
        assertThat(buf[4]).isZero();
    }
}
