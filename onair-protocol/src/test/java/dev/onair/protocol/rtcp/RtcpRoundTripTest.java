package dev.onair.protocol.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpRoundTripTest {
    @Test
    void serializeOfParseIsIdentity() {
        for (byte[] vector : RtcpVectors.roundTrip()) {
            RtcpParseResult r = RtcpParser.parse(vector, 0, vector.length);
            assertThat(r.drop()).isNull();
            byte[] out = new byte[RtcpWriter.length(r.packets())];
            assertThat(RtcpWriter.writeCompound(r.packets(), out, 0)).isEqualTo(vector.length);
            assertThat(out).as("vector of %d bytes", vector.length).containsExactly(vector);
        }
    }

    @Test
    void eachRecordWritesItsOwnLength() {
        for (byte[] vector : RtcpVectors.all()) {
            for (RtcpPacket p : RtcpParser.parse(vector, 0, vector.length).packets()) {
                byte[] out = new byte[p.length() + 3];
                assertThat(p.writeTo(out, 3)).isEqualTo(p.length());
                assertThat(p.length() % 4).isZero();
            }
        }
    }

    @Test
    void everyPrefixOfEveryVectorParsesWithoutThrowing() {
        for (byte[] vector : RtcpVectors.all()) {
            int full = RtcpParser.parse(vector, 0, vector.length).packets().size();
            for (int n = 0; n < vector.length; n++) {
                RtcpParseResult r = RtcpParser.parse(Arrays.copyOf(vector, n), 0, n);
                assertThat(r.packets().size()).isLessThanOrEqualTo(full);
                if (n % 4 != 0 || n == 0) {
                    assertThat(r.drop()).isNotNull();
                }
            }
        }
    }

    @Test
    void compoundWriterRefusesSmallBuffers() {
        List<RtcpPacket> packets = List.of(new PictureLossIndication(1, 2), new Bye(List.of(3L), null));
        byte[] buf = new byte[19];
        assertThat(RtcpWriter.writeCompound(packets, buf, 0)).isEqualTo(-1);
        assertThat(buf).containsOnly(0);
        assertThat(RtcpWriter.writeCompound(packets, new byte[20], 0)).isEqualTo(20);
        assertThatThrownBy(() -> new PictureLossIndication(1, 2).writeTo(new byte[11], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writersPadTextToThirtyTwoBits() {
        Bye bye = new Bye(List.of(1L), "ciao");
        byte[] out = new byte[bye.length()];
        bye.writeTo(out, 0);
        assertThat(out).containsExactly(RtcpVectors.bytes(
                0x81, 0xCB, 0x00, 0x03, // V=2 SC=1, BYE, 3 words
                0x00, 0x00, 0x00, 0x01, // SSRC
                0x04, 'c', 'i', 'a',    // reason length 4, text
                'o', 0x00, 0x00, 0x00)); // text, zero padding
        SourceDescription sdes = new SourceDescription(List.of(new SdesChunk(9, List.of(new SdesItem(1, "é")))));
        RtcpParseResult back = RtcpParser.parse(write(sdes), 0, sdes.length());
        assertThat(back.packets()).containsExactly(sdes);
    }

    @Test
    void longTextIsCutTo255Bytes() {
        String longReason = "x".repeat(300);
        RtcpParseResult r = RtcpParser.parse(write(new Bye(List.of(), longReason)), 0, 260);
        assertThat(((Bye) r.packets().get(0)).reason()).hasSize(255);
    }

    private static byte[] write(RtcpPacket p) {
        byte[] out = new byte[p.length()];
        p.writeTo(out, 0);
        return out;
    }
}
