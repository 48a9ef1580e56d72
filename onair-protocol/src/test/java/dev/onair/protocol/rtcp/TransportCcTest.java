package dev.onair.protocol.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.rtcp.TransportCc.PacketStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportCcTest {
    private static TransportCc decode(byte[] vector) {
        RtcpParseResult r = RtcpParser.parse(vector, 0, vector.length);
        assertThat(r.drop()).isNull();
        return (TransportCc) r.packets().get(0);
    }

    private static List<PacketStatus> statuses(int base, int... deltasOrMinusOneForLost) {
        List<PacketStatus> out = new ArrayList<>();
        for (int i = 0; i < deltasOrMinusOneForLost.length; i++) {
            int d = deltasOrMinusOneForLost[i];
            boolean lost = d == Integer.MIN_VALUE;
            out.add(new PacketStatus((base + i) & 0xFFFF, !lost, lost ? 0 : d));
        }
        return out;
    }

    private static final int LOST = Integer.MIN_VALUE;

    @Test
    void writerProducesTheAnnotatedVector() {
        List<PacketStatus> packets = statuses(65530,
                16, LOST, 32, -4, 1, 2, 1000,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
                LOST, 5, LOST, 6);
        TransportCc twcc = new TransportCc(1, 0x11223344L, 65530, 0x123456, 7, packets);
        byte[] out = new byte[twcc.length()];
        assertThat(twcc.writeTo(out, 0)).isEqualTo(52);
        assertThat(out).containsExactly(RtcpVectors.TWCC);
        assertThat(decode(RtcpVectors.TWCC)).isEqualTo(twcc);
        assertThat(twcc.packetStatusCount()).isEqualTo(26);
    }

    @Test
    void decodesChromeRunLengthCapture() {
        TransportCc t = decode(RtcpVectors.TWCC_CHROME_RUN);
        assertThat(t.senderSsrc()).isEqualTo(1);
        assertThat(t.mediaSsrc()).isEqualTo(0xDD586EB6L);
        assertThat(t.baseSequenceNumber()).isEqualTo(1);
        assertThat(t.referenceTime64ms()).isEqualTo(6197520);
        assertThat(t.feedbackPacketCount()).isZero();
        assertThat(t.packets()).isEqualTo(statuses(1, 28, 12, 44, 56, 0, 4, 0, 8, 24));
    }

    @Test
    void decodesPionTwoBitVectorWithOverlongRun() {
        TransportCc t = decode(RtcpVectors.TWCC_PION_VECTOR);
        assertThat(t.senderSsrc()).isEqualTo(2608133663L);
        assertThat(t.mediaSsrc()).isEqualTo(2473712828L);
        assertThat(t.baseSequenceNumber()).isEqualTo(34108);
        assertThat(t.referenceTime64ms()).isEqualTo(6551830);
        assertThat(t.feedbackPacketCount()).isEqualTo(179);
        // deltas 38750, 42500, 26500, 42500, 30750 us, lost, 66250 us, lost, lost
        assertThat(t.packets()).isEqualTo(statuses(34108, 155, 170, 106, 170, 123, LOST, 265, LOST, LOST));
    }

    @Test
    void decodesPionLargeDeltas() {
        TransportCc t = decode(RtcpVectors.TWCC_PION_LARGE);
        assertThat(t.baseSequenceNumber()).isEqualTo(372);
        assertThat(t.referenceTime64ms()).isEqualTo(4567386);
        assertThat(t.feedbackPacketCount()).isEqualTo(64);
        // deltas 2047500, 2022500, 52000, 0, 52000, 0 us
        assertThat(t.packets()).isEqualTo(statuses(372, 8190, 8090, 208, 0, 208, 0));
    }

    @Test
    void decodedPionVectorsReEncodeToTheSameValues() {
        for (byte[] v : List.of(RtcpVectors.TWCC_PION_VECTOR, RtcpVectors.TWCC_PION_LARGE)) {
            TransportCc t = decode(v);
            byte[] out = new byte[t.length()];
            t.writeTo(out, 0);
            assertThat(decode(out)).isEqualTo(t);
        }
    }

    @Test
    void longRunsUseRunLengthChunks() {
        int[] deltas = new int[10_000];
        java.util.Arrays.fill(deltas, LOST);
        deltas[9_999] = 300;
        TransportCc t = new TransportCc(1, 2, 100, 0, 0, statuses(100, deltas));
        byte[] out = new byte[t.length()];
        t.writeTo(out, 0);
        // chunks: run 8191 lost, run 1808 lost, run 1 large; then one 2-byte delta; 20 + 6 + 2 = 28
        assertThat(out).hasSize(28);
        assertThat(out[20] & 0xFF).isEqualTo(0x1F);
        assertThat(out[21] & 0xFF).isEqualTo(0xFF);
        assertThat(decode(out)).isEqualTo(t);
    }

    @Test
    void emptyFeedbackHasNoChunks() {
        TransportCc t = new TransportCc(1, 0, 5, 1, 2, List.of());
        byte[] out = new byte[t.length()];
        assertThat(t.writeTo(out, 0)).isEqualTo(20);
        assertThat(out[0]).isEqualTo((byte) 0x8F);
        assertThat(decode(out)).isEqualTo(t);
    }

    @Test
    void rejectsInconsistentValuesFromApplications() {
        assertThatThrownBy(() -> new PacketStatus(1, false, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacketStatus(1, true, 40_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCc(1, 0, 5, 0, 0, statuses(6, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
