package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer's exact output for a model built in code, and the parse of it. */
class SdpWriterTest {

    @Test
    void writesRfcOrderWithCrlf() {
        MediaDescription video = new MediaDescriptionBuilder("video", 9, "UDP/TLS/RTP/SAVPF", List.of("96"))
                .connection(Connection.UNSPECIFIED_IP4).mid("0").direction(Direction.RECVONLY).rtcpMux(true)
                .iceUfrag("uf").icePwd("pw").setup(SetupRole.PASSIVE).addRtpMap(new RtpMap(96, "VP8", 90000, 0))
                .addRtcpFb(new RtcpFb(96, "nack", "pli")).addExtMap(ExtMap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"))
                .addCandidate(Candidate.host("1", 1, "udp", 2130706431L, "192.0.2.1", 5000)).endOfCandidates(true)
                .addOtherLine(new SdpLine('b', "AS:500")).build();
        SessionDescription d = new SessionDescriptionBuilder(new Origin("-", "7", "2", "IN", "IP4", "0.0.0.0"))
                .iceLite(true).addGroup(new Group("BUNDLE", List.of("0")))
                .msidSemantic(new MsidSemantic("WMS", List.of("*"))).addOtherLine(new SdpLine('b', "AS:900"))
                .addMedia(video).build();
        String expected = "v=0\r\n"
                + "o=- 7 2 IN IP4 0.0.0.0\r\n"
                + "s=-\r\n"
                + "b=AS:900\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE 0\r\n"
                + "a=ice-lite\r\n"
                + "a=msid-semantic: WMS *\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "b=AS:500\r\n"
                + "a=ice-ufrag:uf\r\n"
                + "a=ice-pwd:pw\r\n"
                + "a=setup:passive\r\n"
                + "a=mid:0\r\n"
                + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=recvonly\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtpmap:96 VP8/90000\r\n"
                + "a=rtcp-fb:96 nack pli\r\n"
                + "a=candidate:1 1 udp 2130706431 192.0.2.1 5000 typ host\r\n"
                + "a=end-of-candidates\r\n";
        assertThat(SdpWriter.write(d)).isEqualTo(expected);
        assertThat(SdpParser.parse(expected).description()).isEqualTo(d);
        assertThat(d.attributes()).extracting(Attribute::name).containsExactly("group", "ice-lite", "msid-semantic");
    }
}
