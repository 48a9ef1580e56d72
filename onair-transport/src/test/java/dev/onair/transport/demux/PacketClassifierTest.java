package dev.onair.transport.demux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PacketClassifierTest {

    private static PacketKind classify(int first, int second, int len) {
        byte[] buf = new byte[len + 3];
        buf[2] = (byte) first; // start at offset 2 so offsets are honoured
        if (len > 1) {
            buf[3] = (byte) second;
        }
        return PacketClassifier.classify(buf, 2, len);
    }

    @ParameterizedTest(name = "first byte {0} -> {2}")
    @CsvSource({
            "0, 20, STUN", "3, 20, STUN", "4, 20, UNKNOWN", "15, 20, UNKNOWN",
            "16, 20, UNKNOWN", "19, 20, UNKNOWN", // ZRTP is not supported
            "20, 13, DTLS", "63, 13, DTLS", "64, 4, TURN_CHANNEL", "79, 4, TURN_CHANNEL", "80, 20, UNKNOWN",
            "127, 20, UNKNOWN", "192, 20, UNKNOWN", "255, 20, UNKNOWN"})
    void firstByteRanges(int first, int len, PacketKind expected) {
        assertThat(classify(first, 0, len)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "second byte {0} -> {1}")
    @CsvSource({"0, RTP", "127, RTP", "128, RTP", "191, RTP", "192, RTCP", "200, RTCP", "223, RTCP", "224, RTP",
            "255, RTP"})
    void rtpVersusRtcpBySecondByte(int second, PacketKind expected) {
        assertThat(classify(128, second, 12)).isEqualTo(expected);
        assertThat(classify(191, second, 12)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "first {0} second {1}: {2} bytes is too short, {3} is enough")
    @CsvSource({"0, 0, 19, 20, STUN", "20, 0, 12, 13, DTLS", "64, 0, 3, 4, TURN_CHANNEL",
            "128, 96, 11, 12, RTP", "128, 200, 7, 8, RTCP", "128, 200, 1, 8, RTCP"})
    void minimumLengths(int first, int second, int tooShort, int enough, PacketKind kind) {
        assertThat(classify(first, second, tooShort)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(classify(first, second, enough)).isEqualTo(kind);
    }

    @Test
    void badRangesAreUnknown() {
        assertThat(PacketClassifier.classify(null, 0, 20)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(new byte[20], 0, 0)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(new byte[20], 1, 20)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(new byte[20], -1, 5)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(new byte[20], 0, 20)).isEqualTo(PacketKind.STUN);
    }
}
