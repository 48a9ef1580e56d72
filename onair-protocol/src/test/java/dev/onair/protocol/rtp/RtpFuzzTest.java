package dev.onair.protocol.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/** Jazzer targets for the RTP parsers; seeds live in resources under RtpFuzzTestInputs/. */
class RtpFuzzTest {
    private static final byte GUARD = (byte) 0xA5;

    @FuzzTest(maxDuration = "60s")
    void parseAndWalk(byte[] data) {
        RtpHeader h = new RtpHeader();
        if (!h.parse(data, 0, data.length)) {
            assertThat(h.dropReason()).isNotNull();
            return;
        }
        assertThat(h.payloadOffset() + h.payloadLength() + h.paddingLength()).isEqualTo(data.length);
        HeaderExtensionCursor cursor = new HeaderExtensionCursor().reset(data, h);
        int end = h.extensionsOffset() + h.extensionsLength();
        while (cursor.next()) {
            assertThat(cursor.dataOffset()).isGreaterThanOrEqualTo(h.extensionsOffset());
            assertThat(cursor.dataOffset() + cursor.dataLength()).isLessThanOrEqualTo(end);
            assertThat(HeaderExtensions.find(data, h, cursor.id())).isBetween(h.extensionsOffset(), end);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void copyWithMappedExtensions(FuzzedDataProvider in) {
        byte[] idMap = in.consumeBytes(in.consumeInt(0, 256));
        int dstOff = in.consumeInt(0, 8);
        int dstRoom = in.consumeInt(0, 300);
        byte[] packet = in.consumeRemainingAsBytes();
        RtpHeader h = new RtpHeader();
        if (!h.parse(packet, 0, packet.length)) {
            return;
        }
        byte[] dst = new byte[dstOff + dstRoom + 8];
        Arrays.fill(dst, GUARD);
        byte[] limited = Arrays.copyOf(dst, dstOff + dstRoom);
        int n = HeaderExtensions.copyWithMappedExtensions(packet, 0, h, idMap, limited, dstOff);
        if (n < 0) {
            for (byte b : limited) {
                assertThat(b).isEqualTo(GUARD);
            }
            assertThat(dstRoom).isLessThan(HeaderExtensions.maxMappedLength(h));
            return;
        }
        assertThat(n).isLessThanOrEqualTo(HeaderExtensions.maxMappedLength(h));
        for (int i = 0; i < dstOff; i++) {
            assertThat(limited[i]).isEqualTo(GUARD);
        }
        for (int i = dstOff + n; i < limited.length; i++) {
            assertThat(limited[i]).isEqualTo(GUARD);
        }
        RtpHeader out = new RtpHeader();
        assertThat(out.parse(limited, dstOff, n)).isTrue();
        assertThat(out.payloadLength()).isEqualTo(h.payloadLength());
        assertThat(out.ssrc()).isEqualTo(h.ssrc());
    }
}
