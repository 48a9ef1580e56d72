package dev.onair.protocol.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the RFC 6464 audio level reader; seeds live in resources under AudioLevelFuzzTestInputs/.
 * The first input byte is the negotiated extension id, the rest is the packet.
 */
class AudioLevelFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void element(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int id = data[0] & 0xFF;
        RtpHeader h = new RtpHeader();
        boolean parsed = h.parse(data, 1, data.length - 1);
        int e = AudioLevel.element(data, h, id);
        assertThat(e).isBetween(AudioLevel.BAD_LENGTH, 255);
        if (!parsed) {
            assertThat(e).isEqualTo(AudioLevel.ABSENT);
        } else if (e >= 0) {
            int off = HeaderExtensions.find(data, h, id);
            assertThat(off).isBetween(h.extensionsOffset(), h.extensionsOffset() + h.extensionsLength() - 1);
            assertThat(data[off] & 0xFF).isEqualTo(e);
            assertThat(AudioLevel.level(data, h, id)).isEqualTo(AudioLevel.levelOf(e));
        } else {
            assertThat(AudioLevel.level(data, h, id)).isEqualTo(-1);
        }
    }
}
