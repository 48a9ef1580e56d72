package dev.onair.protocol.rtp;

import static dev.onair.protocol.rtp.RtpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.DropCounts;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpHeaderTest {
    private final RtpHeader h = new RtpHeader();

    @Test
    void parsesPlainPacket() {
        byte[] p = RtpVectors.plain();
        assertThat(h.parse(p, 0, p.length)).isTrue();
        assertThat(h.dropReason()).isNull();
        assertThat(h.version()).isEqualTo(2);
        assertThat(h.hasPadding()).isFalse();
        assertThat(h.hasExtension()).isFalse();
        assertThat(h.csrcCount()).isZero();
        assertThat(h.marker()).isTrue();
        assertThat(h.payloadType()).isEqualTo(96);
        assertThat(h.sequenceNumber()).isEqualTo(0x1234);
        assertThat(h.timestamp()).isEqualTo(0xDEADBEEFL);
        assertThat(h.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(h.headerLength()).isEqualTo(12);
        assertThat(h.payloadOffset()).isEqualTo(12);
        assertThat(h.payloadLength()).isEqualTo(3);
        assertThat(h.paddingLength()).isZero();
        assertThat(h.packetLength()).isEqualTo(15);
    }

    @Test
    void offsetsAreAbsoluteInTheBuffer() {
        byte[] p = RtpVectors.oneByteChrome();
        byte[] buf = new byte[p.length + 10];
        System.arraycopy(p, 0, buf, 7, p.length);
        assertThat(h.parse(buf, 7, p.length)).isTrue();
        assertThat(h.packetOffset()).isEqualTo(7);
        assertThat(h.extensionsOffset()).isEqualTo(7 + 16);
        assertThat(h.payloadOffset()).isEqualTo(7 + 28);
        assertThat(buf[h.payloadOffset()]).isEqualTo((byte) 0x5A);
    }

    @Test
    void parsesCsrcsAndPadding() {
        byte[] p = RtpVectors.csrcAndPadding();
        assertThat(h.parse(p, 0, p.length)).isTrue();
        assertThat(h.hasPadding()).isTrue();
        assertThat(h.csrcCount()).isEqualTo(2);
        assertThat(h.csrcOffset(1)).isEqualTo(16);
        assertThat(h.marker()).isFalse();
        assertThat(h.payloadType()).isEqualTo(111);
        assertThat(h.sequenceNumber()).isEqualTo(65535);
        assertThat(h.headerLength()).isEqualTo(20);
        assertThat(h.payloadLength()).isEqualTo(2);
        assertThat(h.paddingLength()).isEqualTo(4);
    }

    @Test
    void parsesOneByteExtensionBlock() {
        byte[] p = RtpVectors.oneByteChrome();
        assertThat(h.parse(p, 0, p.length)).isTrue();
        assertThat(h.hasOneByteExtensions()).isTrue();
        assertThat(h.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(h.extensionsOffset()).isEqualTo(16);
        assertThat(h.extensionsLength()).isEqualTo(12);
        assertThat(h.headerLength()).isEqualTo(28);
        assertThat(h.payloadLength()).isEqualTo(2);
        assertThat(h.ssrc()).isEqualTo(0xF7B16E83L);
        assertThat(h.timestamp()).isEqualTo(3557360969L);
    }

    @Test
    void parsesTwoByteExtensionBlock() {
        byte[] p = RtpVectors.twoByteChrome();
        assertThat(h.parse(p, 0, p.length)).isTrue();
        assertThat(h.hasTwoByteExtensions()).isTrue();
        assertThat(h.extensionProfile()).isEqualTo(0x1000);
        assertThat(h.extensionsLength()).isEqualTo(68);
        assertThat(h.sequenceNumber()).isEqualTo(25029);
        assertThat(h.payloadLength()).isEqualTo(1);
    }

    @Test
    void dropsMalformedPackets() {
        assertDrop(bytes(0x80, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0), RtpDrop.TOO_SHORT);
        assertDrop(bytes(0x40, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), RtpDrop.BAD_VERSION);
        assertDrop(bytes(0x81, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0), RtpDrop.BAD_CSRC_COUNT);
        assertDrop(bytes(0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE), RtpDrop.BAD_EXTENSION_LENGTH);
        assertDrop(bytes(0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 1, 0x10),
                RtpDrop.BAD_EXTENSION_LENGTH);
        assertDrop(bytes(0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xAA, 0x00), RtpDrop.BAD_PADDING);
        assertDrop(bytes(0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xAA, 0x03), RtpDrop.BAD_PADDING);
    }

    @Test
    void rejectsBadBoundsWithoutThrowing() {
        byte[] p = RtpVectors.plain();
        assertThat(h.parse(null, 0, 0)).isFalse();
        assertThat(h.dropReason()).isEqualTo(RtpDrop.BAD_BOUNDS);
        assertThat(h.parse(p, 5, p.length)).isFalse();
        assertThat(h.dropReason()).isEqualTo(RtpDrop.BAD_BOUNDS);
        assertThat(h.parse(p, -1, 3)).isFalse();
        assertThat(h.parse(p, 0, -1)).isFalse();
    }

    @Test
    void reusedViewForgetsThePreviousPacket() {
        byte[] good = RtpVectors.oneByteChrome();
        assertThat(h.parse(good, 0, good.length)).isTrue();
        byte[] bad = bytes(0x00);
        assertThat(h.parse(bad, 0, 1)).isFalse();
        assertThat(h.extensionsLength()).isZero();
        assertThat(h.packetLength()).isZero();
        assertThat(h.parse(good, 0, good.length)).isTrue();
        assertThat(h.dropReason()).isNull();
    }

    @Test
    void everyPrefixOfEveryVectorParsesWithoutThrowing() {
        DropCounts<RtpDrop> drops = new DropCounts<>(RtpDrop.class);
        int accepted = 0;
        for (byte[] v : RtpVectors.all()) {
            for (int n = 0; n <= v.length; n++) {
                byte[] prefix = Arrays.copyOf(v, n);
                if (h.parse(prefix, 0, n)) {
                    accepted++;
                    assertThat(h.headerLength() + h.payloadLength() + h.paddingLength()).isEqualTo(n);
                } else {
                    drops.increment(h.dropReason());
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(drops.get(RtpDrop.TOO_SHORT)).isEqualTo(12L * RtpVectors.all().length);
    }

    private void assertDrop(byte[] packet, RtpDrop reason) {
        assertThat(h.parse(packet, 0, packet.length)).isFalse();
        assertThat(h.dropReason()).isEqualTo(reason);
    }
}
