package dev.onair.protocol.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer target for the RTCP compound parser; seeds live in resources under RtcpFuzzTestInputs/. */
class RtcpFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        RtcpParseResult r = RtcpParser.parse(data, 0, data.length);
        assertThat(r.complete()).isEqualTo(r.drop() == null);
        if (data.length == 0) {
            assertThat(r.drop()).isEqualTo(RtcpDrop.EMPTY);
        }
        // Whatever was decoded can be written back and read again as the same number of packets.
        byte[] out = new byte[RtcpWriter.length(r.packets())];
        assertThat(RtcpWriter.writeCompound(r.packets(), out, 0)).isEqualTo(out.length);
        RtcpParseResult again = RtcpParser.parse(out, 0, out.length);
        assertThat(again.packets()).hasSameSizeAs(r.packets());
        if (!r.packets().isEmpty()) {
            assertThat(again.drop()).isNull();
        }
    }
}
