package dev.onair.protocol.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpDecodeTest {
    private static RtcpPacket single(byte[] vector) {
        RtcpParseResult r = RtcpParser.parse(vector, 0, vector.length);
        assertThat(r.drop()).isNull();
        assertThat(r.complete()).isTrue();
        assertThat(r.packets()).hasSize(1);
        return r.packets().get(0);
    }

    @Test
    void senderReport() {
        assertThat(single(RtcpVectors.SR)).isEqualTo(new SenderReport(0x11223344L, 0xE8A1B2C3D4E5F607L, 90000,
                100, 10000, List.of(new ReportBlock(0x55667788L, 64, 5, 0x10010, 32, 0xA1B2C3D4L, 0x10000))));
    }

    @Test
    void receiverReportWithNegativeCumulativeLoss() {
        assertThat(single(RtcpVectors.RR)).isEqualTo(new ReceiverReport(0x0A0B0C0DL,
                List.of(new ReportBlock(0x11223344L, 0, -1, 512, 0, 0, 0))));
    }

    @Test
    void sourceDescriptions() {
        assertThat(single(RtcpVectors.SDES)).isEqualTo(new SourceDescription(List.of(
                new SdesChunk(0x11223344L, List.of(new SdesItem(SdesItem.CNAME, "user@host"))))));
        assertThat(single(RtcpVectors.SDES_TWO_CHUNKS)).isEqualTo(new SourceDescription(List.of(
                new SdesChunk(0x11223344L, List.of(new SdesItem(1, "ab"))),
                new SdesChunk(0x55667788L, List.of()))));
    }

    @Test
    void byes() {
        assertThat(single(RtcpVectors.BYE)).isEqualTo(new Bye(List.of(0x11223344L), "bye"));
        assertThat(single(RtcpVectors.BYE_NO_REASON)).isEqualTo(new Bye(List.of(0x11223344L, 0x55667788L), null));
    }

    @Test
    void genericNackListsEveryLostSequenceNumber() {
        GenericNack nack = (GenericNack) single(RtcpVectors.NACK);
        assertThat(nack).isEqualTo(new GenericNack(1, 0x11223344L, List.of(new NackItem(100, 5))));
        assertThat(nack.lostSequenceNumbers()).containsExactly(100, 101, 103);
    }

    @Test
    void pictureLossFirAndRemb() {
        assertThat(single(RtcpVectors.PLI)).isEqualTo(new PictureLossIndication(1, 0x11223344L));
        assertThat(single(RtcpVectors.FIR)).isEqualTo(new FullIntraRequest(1, List.of(new FirEntry(0x11223344L, 7))));
        assertThat(single(RtcpVectors.REMB)).isEqualTo(new Remb(1, 1_000_000, List.of(0x11223344L)));
    }

    @Test
    void appXrAndUnknownFeedbackPassRaw() {
        assertThat(single(RtcpVectors.APP)).isEqualTo(new UnknownRtcp(204, 1, RtcpVectors.APP));
        assertThat(single(RtcpVectors.XR)).isEqualTo(new UnknownRtcp(207, 0, RtcpVectors.XR));
        UnknownRtcp tmmbr = (UnknownRtcp) single(RtcpVectors.RTPFB_UNKNOWN_FMT);
        assertThat(tmmbr.packetType()).isEqualTo(205);
        assertThat(tmmbr.fmt()).isEqualTo(3);
        assertThat(tmmbr.raw()).containsExactly(RtcpVectors.RTPFB_UNKNOWN_FMT);
    }

    @Test
    void afbThatIsNotRembAndPliWithExtraBytesPassRaw() {
        byte[] afb = RtcpVectors.REMB.clone();
        afb[12] = 'X'; // identifier "XEMB"
        assertThat(single(afb)).isInstanceOf(UnknownRtcp.class);
        byte[] pli = RtcpVectors.concat(RtcpVectors.PLI, new byte[4]);
        pli[3] = 3; // length 3 words: 4 bytes of unexpected FCI
        assertThat(single(pli)).isEqualTo(new UnknownRtcp(206, 1, pli));
    }

    @Test
    void compoundSrSdes() {
        RtcpParseResult r = RtcpParser.parse(RtcpVectors.COMPOUND_SR_SDES, 0, RtcpVectors.COMPOUND_SR_SDES.length);
        assertThat(r.drop()).isNull();
        assertThat(r.packets()).hasSize(2);
        assertThat(r.packets().get(0)).isInstanceOf(SenderReport.class);
        assertThat(((SourceDescription) r.packets().get(1)).chunks().get(0).items().get(0).value()).isEqualTo("user@host");
    }

    @Test
    void compoundRrSdesAtAnOffset() {
        byte[] c = RtcpVectors.COMPOUND_RR_SDES;
        byte[] buf = new byte[c.length + 9];
        System.arraycopy(c, 0, buf, 5, c.length);
        RtcpParseResult r = RtcpParser.parse(buf, 5, c.length);
        assertThat(r.drop()).isNull();
        assertThat(r.packets()).extracting(RtcpPacket::packetType).containsExactly(201, 202);
    }
}
