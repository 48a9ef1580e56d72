package dev.onair.protocol.rtp;

import static dev.onair.protocol.rtp.RtpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class AudioLevelTest {
    private final RtpHeader h = new RtpHeader();

    /** Opus packet in the one-byte form, as Chrome sends it: audio level id 1, MID id 4. */
    static byte[] oneByteLoud() {
        return bytes(
                0x90,                   // V=2 P=0 X=1 CC=0
                0x6F,                   // M=0 PT=111
                0x00, 0x2A,             // sequence number 42
                0x00, 0x00, 0x03, 0xC0, // timestamp 960
                0x11, 0x22, 0x33, 0x44, // SSRC 0x11223344
                0xBE, 0xDE,             // profile: one-byte form
                0x00, 0x01,             // extension length: 1 word
                0x10,                   // ID 1 (ssrc-audio-level) L=0 (1 byte)
                0xA1,                   // V=1, level 33 (-33 dBov)
                0x40,                   // ID 4 (sdes:mid) L=0 (1 byte)
                0x30,                   // MID "0"
                0x78);                  // payload: Opus TOC byte
    }

    /** Two-byte form with a silent level and no voice activity. */
    static byte[] twoByteSilent() {
        return bytes(
                0x90,                   // V=2 P=0 X=1 CC=0
                0x6F,                   // M=0 PT=111
                0x00, 0x2B,             // sequence number 43
                0x00, 0x00, 0x07, 0x80, // timestamp 1920
                0x11, 0x22, 0x33, 0x44, // SSRC 0x11223344
                0x10, 0x00,             // profile: two-byte form, appbits 0
                0x00, 0x01,             // extension length: 1 word
                0x01,                   // ID 1
                0x01,                   // length 1
                0x7F,                   // V=0, level 127 (silence)
                0x00,                   // padding
                0x78);                  // payload
    }

    /** One-byte form where the level element carries two bytes: not RFC 6464. */
    static byte[] badLength() {
        return bytes(
                0x90,                   // V=2 P=0 X=1 CC=0
                0x6F,                   // M=0 PT=111
                0x00, 0x2C,             // sequence number 44
                0x00, 0x00, 0x0B, 0x40, // timestamp 2880
                0x11, 0x22, 0x33, 0x44, // SSRC 0x11223344
                0xBE, 0xDE,             // profile: one-byte form
                0x00, 0x01,             // extension length: 1 word
                0x11,                   // ID 1 L=1 (2 bytes)
                0x85, 0x00,             // two data bytes
                0x00,                   // padding
                0x78);                  // payload
    }

    private int element(byte[] p, int id) {
        assertThat(h.parse(p, 0, p.length)).isTrue();
        return AudioLevel.element(p, h, id);
    }

    @Test
    void readsLevelAndVoiceBitFromTheOneByteForm() {
        int e = element(oneByteLoud(), 1);
        assertThat(e).isEqualTo(0xA1);
        assertThat(AudioLevel.levelOf(e)).isEqualTo(33);
        assertThat(AudioLevel.voiceActivity(e)).isTrue();
        assertThat(AudioLevel.dropReason(e)).isNull();
        assertThat(AudioLevel.level(oneByteLoud(), h, 1)).isEqualTo(33);
    }

    @Test
    void readsTheTwoByteForm() {
        int e = element(twoByteSilent(), 1);
        assertThat(AudioLevel.levelOf(e)).isEqualTo(AudioLevel.SILENCE_DBOV);
        assertThat(AudioLevel.voiceActivity(e)).isFalse();
    }

    @Test
    void absentWhenNotThereOrNotNegotiated() {
        assertThat(element(oneByteLoud(), 2)).isEqualTo(AudioLevel.ABSENT);
        assertThat(element(oneByteLoud(), 0)).isEqualTo(AudioLevel.ABSENT);
        assertThat(element(oneByteLoud(), 256)).isEqualTo(AudioLevel.ABSENT);
        assertThat(element(RtpVectors.plain(), 1)).isEqualTo(AudioLevel.ABSENT);
        assertThat(AudioLevel.level(RtpVectors.plain(), h, 1)).isEqualTo(-1);
        assertThat(AudioLevel.dropReason(AudioLevel.ABSENT)).isEqualTo(AudioLevelDrop.ABSENT);
    }

    @Test
    void wrongLengthIsMalformed() {
        int e = element(badLength(), 1);
        assertThat(e).isEqualTo(AudioLevel.BAD_LENGTH);
        assertThat(AudioLevel.dropReason(e)).isEqualTo(AudioLevelDrop.BAD_LENGTH);
        assertThat(AudioLevel.level(badLength(), h, 1)).isEqualTo(-1);
    }

    @Test
    void aFailedParseYieldsAbsent() {
        byte[] p = oneByteLoud();
        assertThat(h.parse(p, 0, 15)).isFalse(); // extension header cut short
        assertThat(AudioLevel.element(p, h, 1)).isEqualTo(AudioLevel.ABSENT);
        assertThat(AudioLevel.element(null, h, 1)).isEqualTo(AudioLevel.ABSENT);
        assertThat(AudioLevel.element(p, null, 1)).isEqualTo(AudioLevel.ABSENT);
    }

    @Test
    void encodeWritesBackTheParsedByte() {
        for (byte[] p : new byte[][] {oneByteLoud(), twoByteSilent()}) {
            int e = element(p, 1);
            int off = HeaderExtensions.find(p, h, 1);
            assertThat(AudioLevel.encode(AudioLevel.voiceActivity(e), AudioLevel.levelOf(e))).isEqualTo(p[off]);
        }
        assertThat(AudioLevel.encode(false, 200)).isEqualTo((byte) 0x7F); // clamped to silence
        assertThat(AudioLevel.encode(true, -5)).isEqualTo((byte) 0x80);   // clamped to 0 dBov
    }

    @Test
    void everyPrefixOfEveryVectorIsSafe() {
        for (byte[] vector : new byte[][] {oneByteLoud(), twoByteSilent(), badLength()}) {
            for (int len = 0; len <= vector.length; len++) {
                int n = len;
                assertThatCode(() -> {
                    boolean ok = h.parse(vector, 0, n);
                    int e = AudioLevel.element(vector, h, 1);
                    assertThat(e).isBetween(AudioLevel.BAD_LENGTH, 255);
                    if (!ok) {
                        assertThat(e).isEqualTo(AudioLevel.ABSENT);
                    }
                }).doesNotThrowAnyException();
            }
        }
    }
}
