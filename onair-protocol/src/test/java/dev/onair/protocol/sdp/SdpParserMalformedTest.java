package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.DropCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structural errors, limits, and leniency for unknown or malformed attributes. */
class SdpParserMalformedTest {
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n";

    private static SdpErrorCode code(String sdp) {
        SdpParseResult r = SdpParser.parse(sdp);
        assertThat(r.description()).isNull();
        return r.error().code();
    }

    @Test
    void rejectsEmptyAndNull() {
        assertThat(code(null)).isEqualTo(SdpErrorCode.EMPTY);
        assertThat(code("")).isEqualTo(SdpErrorCode.EMPTY);
        assertThat(code("\r\n\n")).isEqualTo(SdpErrorCode.EMPTY);
    }

    @Test
    void rejectsMissingOrWrongVersion() {
        assertThat(code("o=- 1 2 IN IP4 0.0.0.0\r\nv=0\r\n")).isEqualTo(SdpErrorCode.MISSING_VERSION);
        assertThat(code("v=1\r\no=- 1 2 IN IP4 0.0.0.0\r\n")).isEqualTo(SdpErrorCode.BAD_VERSION);
    }

    @Test
    void rejectsLinesWithoutEquals() {
        SdpParseResult r = SdpParser.parse(HEAD + "a-rtcp-mux\r\n");
        assertThat(r.error().code()).isEqualTo(SdpErrorCode.MALFORMED_LINE);
        assertThat(r.error().message()).isEqualTo("line 5: not <type>=<value>");
        assertThat(code(HEAD + "x\r\n")).isEqualTo(SdpErrorCode.MALFORMED_LINE);
        assertThat(code(HEAD + "A=x\r\n")).isEqualTo(SdpErrorCode.MALFORMED_LINE);
    }

    @Test
    void rejectsMissingOrBadOrigin() {
        assertThat(code("v=0\r\ns=-\r\nt=0 0\r\n")).isEqualTo(SdpErrorCode.MISSING_ORIGIN);
        assertThat(code("v=0\r\no=- 1 2 IN IP4\r\n")).isEqualTo(SdpErrorCode.BAD_ORIGIN);
    }

    @Test
    void rejectsBadMediaLines() {
        assertThat(code(HEAD + "m=audio 70000 UDP/TLS/RTP/SAVPF 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio x UDP/TLS/RTP/SAVPF 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio -1 UDP/TLS/RTP/SAVPF 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio 9/0 UDP/TLS/RTP/SAVPF 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio 9 UDP//SAVPF 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio 9 UDP/TLS/ 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio 9 U{D}P 111\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
        assertThat(code(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n")).isEqualTo(SdpErrorCode.BAD_MEDIA_LINE);
    }

    @Test
    void enforcesSizeLimits() {
        assertThat(code(HEAD + "a=x:" + "y".repeat(SdpParser.MAX_SDP_CHARS))).isEqualTo(SdpErrorCode.TOO_LARGE);
        assertThat(code(HEAD + "a=x:" + "y".repeat(SdpParser.MAX_LINE_CHARS) + "\r\n"))
                .isEqualTo(SdpErrorCode.LINE_TOO_LONG);
        String media = "m=audio 9 RTP/AVP 0\r\n";
        assertThat(SdpParser.parse(HEAD + media.repeat(SdpParser.MAX_MEDIA_SECTIONS)).isOk()).isTrue();
        assertThat(code(HEAD + media.repeat(SdpParser.MAX_MEDIA_SECTIONS + 1))).isEqualTo(SdpErrorCode.TOO_MANY_MEDIA);
    }

    @Test
    void keepsUnknownLinesAndMalformedAttributesGenerically() {
        SdpParseResult r = SdpParser.parse(HEAD + "b=AS:30\r\nx=unknown\r\na=setup:sideways\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nb=TIAS:1000\r\na=rtpmap:96\r\na=mid:0\r\na=mid:1\r\n"
                + "a=candidate:bogus\r\na=sendonly\r\na=recvonly\r\n");
        SessionDescription d = r.description();
        assertThat(d.otherLines()).containsExactly(new SdpLine('b', "AS:30"), new SdpLine('x', "unknown"));
        assertThat(d.setup()).isNull();
        assertThat(d.otherAttributes()).containsExactly(new Attribute("setup", "sideways"));
        MediaDescription m = d.media().get(0);
        assertThat(m.otherLines()).containsExactly(new SdpLine('b', "TIAS:1000"));
        assertThat(m.mid()).isEqualTo("0");
        assertThat(m.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(m.rtpMaps()).isEmpty();
        assertThat(m.otherAttributes()).containsExactly(new Attribute("rtpmap", "96"), new Attribute("mid", "1"),
                new Attribute("candidate", "bogus"), Attribute.flag("recvonly"));
        assertThat(SdpParser.parse(SdpWriter.write(d)).description()).isEqualTo(d);
    }

    @Test
    void errorCodesCountAsDropReasons() {
        DropCounts<SdpErrorCode> drops = new DropCounts<>(SdpErrorCode.class);
        for (String bad : List.of("", "v=9", HEAD + "m=audio z RTP/AVP 0")) {
            drops.increment(SdpParser.parse(bad).error().code());
        }
        assertThat(drops.snapshot()).containsEntry(SdpErrorCode.EMPTY, 1L).containsEntry(SdpErrorCode.BAD_VERSION, 1L)
                .containsEntry(SdpErrorCode.BAD_MEDIA_LINE, 1L);
    }
}
