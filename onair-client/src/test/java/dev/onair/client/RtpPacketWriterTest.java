package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.protocol.rtp.RtpHeader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketWriterTest {
    /** Opus packet header with the MID extension, as the publisher sends it. */
    static final byte[] AUDIO_HEADER = {
        (byte) 0x90,                                  // V=2, P=0, X=1, CC=0
        (byte) 0x6F,                                  // M=0, PT=111
        0x12, 0x34,                                   // sequence number 0x1234
        0x00, 0x01, (byte) 0xE2, 0x40,                // timestamp 123456
        0x11, 0x22, 0x33, 0x44,                       // SSRC 0x11223344
        (byte) 0xBE, (byte) 0xDE,                     // one-byte extension profile (RFC 8285 §4.2)
        0x00, 0x01,                                   // extension length: 1 word
        0x40,                                         // ID=4 (sdes:mid), L=0 (1 byte)
        '0',                                          // MID "0"
        0x00, 0x00,                                   // padding
    };
    /** Opus packet header with MID and RFC 6464 audio level, as the publisher sends it with a level set. */
    static final byte[] AUDIO_HEADER_WITH_LEVEL = {
        (byte) 0x90,                                  // V=2, P=0, X=1, CC=0
        (byte) 0x6F,                                  // M=0, PT=111
        0x12, 0x34,                                   // sequence number 0x1234
        0x00, 0x01, (byte) 0xE2, 0x40,                // timestamp 123456
        0x11, 0x22, 0x33, 0x44,                       // SSRC 0x11223344
        (byte) 0xBE, (byte) 0xDE,                     // one-byte extension profile (RFC 8285 §4.2)
        0x00, 0x01,                                   // extension length: 1 word
        0x40,                                         // ID=4 (sdes:mid), L=0 (1 byte)
        '0',                                          // MID "0"
        0x10,                                         // ID=1 (ssrc-audio-level), L=0 (1 byte)
        (byte) 0x94,                                  // V=1, level 20 (-20 dBov)
    };
    /** Video header without extension, marker set. */
    static final byte[] VIDEO_HEADER = {
        (byte) 0x80,                                  // V=2, P=0, X=0, CC=0
        (byte) 0xE0,                                  // M=1, PT=96
        (byte) 0xFF, (byte) 0xFF,                     // sequence number 65535
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // timestamp 2^32-1
        (byte) 0x80, 0x00, 0x00, 0x01,                // SSRC 0x80000001
    };

    @Test
    void writesTheAudioHeaderByteForByte() {
        byte[] buf = new byte[40];
        int len = RtpPacketWriter.writeHeader(buf, 0, false, 111, 0x1234, 123456, 0x11223344L, 4, '0');
        assertThat(len).isEqualTo(RtpPacketWriter.HEADER_WITH_MID_BYTES);
        assertThat(Arrays.copyOf(buf, len)).containsExactly(AUDIO_HEADER);
    }

    @Test
    void writesTheAudioLevelAfterTheMidInTheSameWord() {
        byte[] buf = new byte[40];
        int len = RtpPacketWriter.writeHeader(buf, 0, false, 111, 0x1234, 123456, 0x11223344L, 4, '0', 1, 0x94);
        assertThat(len).isEqualTo(RtpPacketWriter.HEADER_WITH_MID_BYTES);
        assertThat(Arrays.copyOf(buf, len)).containsExactly(AUDIO_HEADER_WITH_LEVEL);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(AUDIO_HEADER_WITH_LEVEL, 0, len)).isTrue();
        assertThat(dev.onair.protocol.rtp.AudioLevel.level(AUDIO_HEADER_WITH_LEVEL, h, 1)).isEqualTo(20);
    }

    @Test
    void writesAHeaderWithoutExtensionAtAnOffset() {
        byte[] buf = new byte[30];
        int len = RtpPacketWriter.writeHeader(buf, 5, true, 96, 65535, 0xFFFFFFFFL, 0x80000001L, 0, '1');
        assertThat(len).isEqualTo(12);
        assertThat(Arrays.copyOfRange(buf, 5, 5 + len)).containsExactly(VIDEO_HEADER);
    }

    @Test
    void ourParserReadsBackEveryField() {
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(AUDIO_HEADER, 0, AUDIO_HEADER.length)).isTrue();
        assertThat(h.payloadType()).isEqualTo(111);
        assertThat(h.sequenceNumber()).isEqualTo(0x1234);
        assertThat(h.timestamp()).isEqualTo(123456);
        assertThat(h.ssrc()).isEqualTo(0x11223344L);
        assertThat(h.headerLength()).isEqualTo(20);
        HeaderExtensionCursor c = new HeaderExtensionCursor();
        c.reset(AUDIO_HEADER, h);
        assertThat(c.next()).isTrue();
        assertThat(c.id()).isEqualTo(4);
        assertThat(AUDIO_HEADER[c.dataOffset()]).isEqualTo((byte) '0');
        assertThat(h.parse(VIDEO_HEADER, 0, VIDEO_HEADER.length)).isTrue();
        assertThat(h.marker()).isTrue();
        assertThat(h.ssrc()).isEqualTo(0x80000001L);
    }

    @Test
    void everyPrefixParsesWithoutAnException() {
        RtpHeader h = new RtpHeader();
        for (byte[] vector : new byte[][] {AUDIO_HEADER, AUDIO_HEADER_WITH_LEVEL, VIDEO_HEADER}) {
            for (int len = 0; len <= vector.length; len++) {
                int n = len;
                assertThatCode(() -> h.parse(vector, 0, n)).doesNotThrowAnyException();
            }
        }
    }
}
