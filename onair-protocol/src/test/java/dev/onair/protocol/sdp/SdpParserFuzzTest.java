package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for {@link SdpParser}: any bytes (each byte one char) parse without an exception into
 * exactly one of description or error, and a parsed description survives write and parse unchanged.
 * Runs the seeds under resources in regression mode in every build.
 */
class SdpParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseNeverThrowsAndRoundTrips(byte[] input) {
        String sdp = new String(input, StandardCharsets.ISO_8859_1);
        SdpParseResult r = SdpParser.parse(sdp);
        assertThat(r.description() == null).isNotEqualTo(r.error() == null);
        if (r.isOk()) {
            String written = SdpWriter.write(r.description());
            assertThat(SdpParser.parse(written).description()).isEqualTo(r.description());
        }
    }
}
