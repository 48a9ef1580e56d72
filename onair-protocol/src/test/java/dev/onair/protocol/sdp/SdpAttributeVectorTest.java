package dev.onair.protocol.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Exact vectors for each typed attribute: value to record field by field, and back to the exact text.
 * Every prefix of every vector goes through the attribute parser without an exception.
 */
class SdpAttributeVectorTest {

    @Test
    void rtpmap() {
        String v = "111 opus/48000/2";
        RtpMap r = RtpMap.parse(v);
        assertThat(r.payloadType()).isEqualTo(111);        // payload type
        assertThat(r.encodingName()).isEqualTo("opus");     // encoding name
        assertThat(r.clockRateHz()).isEqualTo(48000);       // clock rate
        assertThat(r.channels()).isEqualTo(2);              // encoding parameters (channels)
        assertThat(r.toAttributeValue()).isEqualTo(v);
        assertThat(RtpMap.parse("96 VP8/90000").channels()).isZero(); // no encoding parameters
        assertThat(RtpMap.parse("128 VP8/90000")).isNull();
        assertThat(RtpMap.parse("96 VP8/0")).isNull();
        assertPrefixesSafe(v, RtpMap::parse);
    }

    @Test
    void fmtp() {
        String v = "102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f";
        Fmtp f = Fmtp.parse(v);
        assertThat(f.payloadType()).isEqualTo(102);                                   // format
        assertThat(f.parameters()).containsExactly(Map.entry("level-asymmetry-allowed", "1"), // first pair
                Map.entry("packetization-mode", "1"),                                   // second pair
                Map.entry("profile-level-id", "42e01f"));                               // third pair
        assertThat(f.raw()).isEqualTo(v.substring(4));                                  // raw parameter text
        assertThat(f.toAttributeValue()).isEqualTo(v);
        assertThat(Fmtp.of(111, Map.of("minptime", "10")).toAttributeValue()).isEqualTo("111 minptime=10");
        assertPrefixesSafe(v, Fmtp::parse);
    }

    @Test
    void rtcpFb() {
        RtcpFb r = RtcpFb.parse("96 nack pli");
        assertThat(r.payloadType()).isEqualTo(96);    // payload type
        assertThat(r.type()).isEqualTo("nack");       // feedback type
        assertThat(r.parameter()).isEqualTo("pli");   // feedback parameter
        assertThat(r.toAttributeValue()).isEqualTo("96 nack pli");
        RtcpFb w = RtcpFb.parse("* ccm fir");
        assertThat(w.isWildcard()).isTrue();          // "*" payload type
        assertThat(w.appliesTo(100)).isTrue();
        assertThat(w.toAttributeValue()).isEqualTo("* ccm fir");
        assertThat(RtcpFb.parse("x nack")).isNull();
        assertPrefixesSafe("* ccm fir", RtcpFb::parse);
    }

    @Test
    void extmap() {
        String v = "6/recvonly http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";
        ExtMap e = ExtMap.parse(v);
        assertThat(e.id()).isEqualTo(6);                          // local identifier
        assertThat(e.direction()).isEqualTo(Direction.RECVONLY);  // direction
        assertThat(e.uri()).isEqualTo("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"); // URI
        assertThat(e.extensionAttributes()).isEmpty();            // extension attributes
        assertThat(e.toAttributeValue()).isEqualTo(v);
        assertThat(ExtMap.parse("0 urn:x")).isNull();
        assertThat(ExtMap.parse("3/sideways urn:x")).isNull();
        assertPrefixesSafe(v, ExtMap::parse);
    }

    @Test
    void ssrcAndGroup() {
        SsrcAttribute s = SsrcAttribute.parse("4294967295 msid:- track");
        assertThat(s.ssrc()).isEqualTo(0xFFFF_FFFFL);   // ssrc-id (unsigned 32 bit)
        assertThat(s.name()).isEqualTo("msid");         // source attribute
        assertThat(s.value()).isEqualTo("- track");     // value
        assertThat(s.toAttributeValue()).isEqualTo("4294967295 msid:- track");
        assertThat(SsrcAttribute.parse("4294967296 cname:x")).isNull();
        SsrcGroup g = SsrcGroup.parse("FID 1 2");
        assertThat(g.semantics()).isEqualTo("FID");      // semantics
        assertThat(g.ssrcs()).containsExactly(1L, 2L);   // ssrc-ids
        assertThat(g.toAttributeValue()).isEqualTo("FID 1 2");
        assertPrefixesSafe("4294967295 msid:- track", SsrcAttribute::parse);
        assertPrefixesSafe("FID 1 2", SsrcGroup::parse);
    }

    @Test
    void msidRidSimulcast() {
        Msid m = Msid.parse("stream track");
        assertThat(m.streamId()).isEqualTo("stream");   // msid-id
        assertThat(m.trackId()).isEqualTo("track");     // msid-appdata
        assertThat(m.toAttributeValue()).isEqualTo("stream track");
        Rid r = Rid.parse("h send pt=96,97;max-width=640");
        assertThat(r.id()).isEqualTo("h");                                  // rid-id
        assertThat(r.direction()).isEqualTo(RidDirection.SEND);             // direction
        assertThat(r.restrictions()).isEqualTo("pt=96,97;max-width=640");   // restrictions
        assertThat(r.payloadTypes()).containsExactly(96, 97);
        assertThat(r.restrictionMap()).containsEntry("max-width", "640");
        assertThat(r.toAttributeValue()).isEqualTo("h send pt=96,97;max-width=640");
        Simulcast s = Simulcast.parse("send 1,~4;2;3 recv c");
        assertThat(s.send()).containsExactly(                        // send streams
                new SimulcastStream(List.of(new SimulcastFormat("1", false), new SimulcastFormat("4", true))),
                SimulcastStream.of("2"), SimulcastStream.of("3"));
        assertThat(s.recv()).containsExactly(SimulcastStream.of("c"));  // recv streams
        assertThat(s.toAttributeValue()).isEqualTo("send 1,~4;2;3 recv c");
        assertThat(Simulcast.parse("send a;;b")).isNull();
        assertThat(Simulcast.parse("send a send b")).isNull();
        assertPrefixesSafe("h send pt=96,97;max-width=640", Rid::parse);
        assertPrefixesSafe("send 1,~4;2;3 recv c", Simulcast::parse);
    }

    @Test
    void candidate() {
        String v = "1 1 udp 1686052607 203.0.113.7 61000 typ srflx raddr 10.0.0.2 rport 50000 generation 0";
        Candidate c = Candidate.parse(v);
        assertThat(c.foundation()).isEqualTo("1");               // foundation
        assertThat(c.component()).isEqualTo(1);                  // component-id
        assertThat(c.transport()).isEqualTo("udp");              // transport
        assertThat(c.priority()).isEqualTo(1686052607L);         // priority
        assertThat(c.address()).isEqualTo("203.0.113.7");        // connection-address
        assertThat(c.port()).isEqualTo(61000);                   // port
        assertThat(c.type()).isEqualTo("srflx");                 // cand-type
        assertThat(c.relatedAddress()).isEqualTo("10.0.0.2");    // raddr
        assertThat(c.relatedPort()).isEqualTo(50000);            // rport
        assertThat(c.extensions()).containsExactly("generation", "0"); // extension attributes
        assertThat(c.toAttributeValue()).isEqualTo(v);
        assertThat(Candidate.parse("1 1 udp 0 1.2.3.4 9 typ host")).isNull();
        assertThat(Candidate.parse("1 1 udp 5 1.2.3.4 9 typo host")).isNull();
        assertPrefixesSafe(v, Candidate::parse);
    }

    @Test
    void fingerprintGroupOriginConnection() {
        Fingerprint f = Fingerprint.parse("sha-256 0A:ff");
        assertThat(f.algorithm()).isEqualTo("sha-256");        // hash function
        assertThat(f.digestBytes()).containsExactly(0x0A, 0xFF); // digest bytes
        assertThat(new Fingerprint("sha-256", "0A:F").digestBytes()).isNull();
        assertThat(new Fingerprint("sha-256", "0G").digestBytes()).isNull();
        assertThat(new Fingerprint("sha-256", "0A-FF").digestBytes()).isNull();
        Group g = Group.parse("BUNDLE 0 1");
        assertThat(g.isBundle()).isTrue();              // semantics
        assertThat(g.mids()).containsExactly("0", "1"); // identification tags
        Origin o = Origin.parse("- 42 2 IN IP4 0.0.0.0");
        assertThat(o.toLineValue()).isEqualTo("- 42 2 IN IP4 0.0.0.0");
        assertThat(Connection.parse("IN IP6 ::1")).isEqualTo(new Connection("IN", "IP6", "::1"));
        assertPrefixesSafe("sha-256 0A:ff", s -> {
            Fingerprint p = Fingerprint.parse(s);
            return p == null ? null : p.digestBytes();
        });
    }

    private static void assertPrefixesSafe(String vector, Function<String, ?> parser) {
        assertThatCode(() -> {
            for (int i = 0; i <= vector.length(); i++) {
                parser.apply(vector.substring(0, i));
            }
        }).doesNotThrowAnyException();
    }
}
