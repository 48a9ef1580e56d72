package dev.onair.sfu.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtp.RtpHeader;
import org.junit.jupiter.api.Test;

class RtxPacketTest {

    @Test
    void movesThePayloadBehindTheOriginalSequenceNumber() {
        byte[] buf = new byte[64];
        byte[] rtp = {(byte) 0x80, (byte) 0xE0, 0x12, 0x34, 0, 0, 0, 9, 0, 0, 0, 1, 'a', 'b', 'c'}; // M, PT 96
        System.arraycopy(rtp, 0, buf, 0, rtp.length);
        int len = RtxPacket.wrap(buf, 0, rtp.length, 12, 97, 0xCAFEL, 500);
        assertThat(len).isEqualTo(17);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 0, len)).isTrue();
        assertThat(h.payloadType()).isEqualTo(97);
        assertThat(h.marker()).isTrue();
        assertThat(h.ssrc()).isEqualTo(0xCAFEL);
        assertThat(h.sequenceNumber()).isEqualTo(500);
        assertThat(h.timestamp()).isEqualTo(9);
        assertThat(new byte[] {buf[12], buf[13], buf[14], buf[15], buf[16]})
                .containsExactly(0x12, 0x34, 'a', 'b', 'c');
    }

    @Test
    void refusesWhenTheBufferHasNoRoom() {
        byte[] buf = new byte[14];
        assertThat(RtxPacket.wrap(buf, 0, 14, 12, 97, 1, 1)).isEqualTo(-1);
    }

    @Test
    void unwrapRestoresTheOriginalPacketBehindTheMovedHeader() {
        byte[] buf = new byte[64];
        byte[] rtp = {(byte) 0x80, (byte) 0xE0, 0x12, 0x34, 0, 0, 0, 9, 0, 0, 0, 1, 'a', 'b', 'c'};
        System.arraycopy(rtp, 0, buf, 0, rtp.length);
        int len = RtxPacket.wrap(buf, 0, rtp.length, 12, 97, 0xCAFEL, 500);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 0, len)).isTrue();
        int osn = RtxPacket.unwrap(buf, 0, len, h.payloadOffset(), h.payloadLength(), 96, 1);
        assertThat(osn).isEqualTo(0x1234);
        byte[] restored = java.util.Arrays.copyOfRange(buf, RtxPacket.OSN_BYTES, len);
        assertThat(restored).containsExactly(rtp);
    }

    @Test
    void unwrapRefusesAPaddingOnlyProbe() {
        byte[] buf = {(byte) 0xA0, 97, 0, 7, 0, 0, 0, 9, 0, 0, 0, 2, 0, 0, 0, 4}; // P, 4 bytes padding, no OSN
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 0, buf.length)).isTrue();
        byte[] before = buf.clone();
        assertThat(RtxPacket.unwrap(buf, 0, buf.length, h.payloadOffset(), h.payloadLength(), 96, 1)).isEqualTo(-1);
        assertThat(buf).isEqualTo(before);
        byte[] osnOnly = {(byte) 0x80, 97, 0, 8, 0, 0, 0, 9, 0, 0, 0, 2, 0x12, 0x34};
        assertThat(h.parse(osnOnly, 0, osnOnly.length)).isTrue();
        assertThat(RtxPacket.unwrap(osnOnly, 0, osnOnly.length, h.payloadOffset(), h.payloadLength(), 96, 1))
                .isEqualTo(-1);
    }
}
