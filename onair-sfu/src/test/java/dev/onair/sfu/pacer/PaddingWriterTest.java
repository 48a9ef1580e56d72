package dev.onair.sfu.pacer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.twcc.SendLog;
import dev.onair.sfu.twcc.SequenceStamper;
import org.junit.jupiter.api.Test;

class PaddingWriterTest {
    @Test
    void aPaddingOnlyPacketParsesAndTheStamperFillsItsTransportCcElement() {
        byte[] buf = new byte[1600];
        int len = PaddingWriter.write(buf, 0, 0x1234_5678L, 97, 65535, 0xFFFF_FFF0L, 200, 5);
        assertThat(len).isEqualTo(PaddingWriter.HEADER_BYTES + 200);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 0, len)).isTrue();
        assertThat(h.hasPadding()).isTrue();
        assertThat(h.paddingLength()).isEqualTo(200);
        assertThat(h.payloadLength()).isZero();
        assertThat(h.marker()).isFalse();
        assertThat(h.payloadType()).isEqualTo(97);
        assertThat(h.sequenceNumber()).isEqualTo(65535);
        assertThat(h.timestamp()).isEqualTo(0xFFFF_FFF0L);
        assertThat(h.ssrc()).isEqualTo(0x1234_5678L);
        assertThat(h.hasOneByteExtensions()).isTrue();

        SequenceStamper stamper = new SequenceStamper(5, 0xABCD, new SendLog(64));
        assertThat(stamper.stamp(buf, 0, len)).isTrue();
        HeaderExtensionCursor c = new HeaderExtensionCursor().reset(buf, h);
        assertThat(c.next()).isTrue();
        assertThat(c.id()).isEqualTo(5);
        assertThat(c.dataLength()).isEqualTo(2);
        assertThat(((buf[c.dataOffset()] & 0xFF) << 8) | (buf[c.dataOffset() + 1] & 0xFF)).isEqualTo(0xABCD);
    }

    @Test
    void largeIdsUseTheTwoByteForm() {
        byte[] buf = new byte[300];
        int len = PaddingWriter.write(buf, 0, 1, 96, 1, 1, 10, 200);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 0, len)).isTrue();
        assertThat(h.hasTwoByteExtensions()).isTrue();
        assertThat(new SequenceStamper(200, 42, new SendLog(64)).stamp(buf, 0, len)).isTrue();
        assertThat(buf[19]).isEqualTo((byte) 42);
    }

    @Test
    void paddingIsClampedAndBadArgumentsWriteNothing() {
        byte[] buf = new byte[1600];
        assertThat(PaddingWriter.write(buf, 0, 1, 96, 1, 1, 10_000, 3))
                .isEqualTo(PaddingWriter.HEADER_BYTES + PaddingWriter.MAX_PADDING_BYTES);
        assertThat(PaddingWriter.write(buf, 0, 1, 96, 1, 1, -4, 3)).isEqualTo(PaddingWriter.HEADER_BYTES + 1);
        assertThat(PaddingWriter.write(buf, 0, 1, 96, 1, 1, 10, 0)).isEqualTo(-1);
        assertThat(PaddingWriter.write(new byte[25], 0, 1, 96, 1, 1, 10, 3)).isEqualTo(-1);
    }
}
