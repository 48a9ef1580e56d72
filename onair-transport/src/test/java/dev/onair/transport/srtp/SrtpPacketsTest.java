package dev.onair.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RTP/RTCP header checks SRTP relies on, with annotated vectors and every prefix. */
class SrtpPacketsTest {
    private static final byte[] RTP_WITH_CSRC_AND_EXTENSION = Hex.bytes(
            "91"                 // V=2 P=0 X=1 CC=1
            + "60"               // M=0 PT=96
            + "0102"             // sequence number 258
            + "00000960"         // timestamp
            + "cafebabe"         // SSRC
            + "11111111"         // CSRC[0]
            + "bede 0001"        // one-byte header extension, length 1 word
            + "10 ab 00 00"      // id 1 len 1 value 0xab, padding
            + "deadbeef");       // payload
    private static final byte[] RTCP_RECEIVER_REPORT = Hex.bytes(
            "80"                 // V=2 P=0 RC=0
            + "c9"               // PT=201 (RR)
            + "0001"             // length 1 word
            + "cafebabe");       // reporter SSRC

    @Test
    void readsTheRtpHeaderLengthAndFields() {
        byte[] p = RTP_WITH_CSRC_AND_EXTENSION;
        assertThat(SrtpPackets.rtpHeaderLength(p, 0, p.length, 0)).isEqualTo(24);
        assertThat(SrtpPackets.rtpHeaderLength(p, 0, p.length, 4)).isEqualTo(24);
        assertThat(SrtpPackets.rtpHeaderLength(p, 0, p.length, 5)).isEqualTo(SrtpDrop.MALFORMED.code());
        assertThat(SrtpPackets.rtpSequenceNumber(p, 0)).isEqualTo(258);
        assertThat(SrtpPackets.rtpSsrc(p, 0)).isEqualTo(0xcafebabe);
        assertThat(SrtpPackets.checkRtcp(RTCP_RECEIVER_REPORT, 0, 8, 0)).isZero();
        assertThat(SrtpPackets.rtcpSenderSsrc(RTCP_RECEIVER_REPORT, 0)).isEqualTo(0xcafebabe);
    }

    @Test
    void everyPrefixOfEveryVectorIsHandledWithoutThrowing() {
        for (byte[] vector : List.of(RTP_WITH_CSRC_AND_EXTENSION, RTCP_RECEIVER_REPORT)) {
            for (int len = 0; len <= vector.length; len++) {
                int prefix = len;
                assertThatCode(() -> {
                    int header = SrtpPackets.rtpHeaderLength(vector, 0, prefix, 0);
                    assertThat(header < 0 || header <= prefix).isTrue();
                    SrtpPackets.checkRtcp(vector, 0, prefix, 0);
                }).doesNotThrowAnyException();
            }
        }
        assertThat(SrtpPackets.rtpHeaderLength(RTP_WITH_CSRC_AND_EXTENSION, 0, 23, 0))
                .isEqualTo(SrtpDrop.MALFORMED.code());
        assertThat(SrtpPackets.rtpHeaderLength(RTP_WITH_CSRC_AND_EXTENSION, 0, 11, 0))
                .isEqualTo(SrtpDrop.TOO_SHORT.code());
    }
}
