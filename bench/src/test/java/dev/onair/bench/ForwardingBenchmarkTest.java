package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.codec.KeyframeDetector;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark measures the whole path: every op forwards one packet to every subscriber, across the ring wrap. */
class ForwardingBenchmarkTest {

    @ParameterizedTest
    @CsvSource({"true, JITSI", "true, JCE", "false, JITSI"})
    void everyPacketReachesEverySubscriberAcrossTheSequenceWrap(boolean srtp, SrtpBackend backend) {
        ForwardingBenchmark b = new ForwardingBenchmark();
        b.subscribers = 3;
        b.srtp = srtp;
        b.backend = backend;
        b.profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
        b.setUp();
        int ops = Vp8PacketRing.SIZE + 100;
        long bytes = 0;
        for (int i = 0; i < ops; i++) {
            int sent = b.forward();
            assertThat(sent).as("op %d", i).isPositive();
            bytes += sent;
        }
        int tag = srtp ? b.profile.authTagLengthBytes() : 0;
        // each subscriber gets the 1,200-byte packet (extension ids remapped in place, same size) plus its tag
        assertThat(bytes).isEqualTo((long) ops * 3 * (Vp8PacketRing.PACKET_BYTES + tag));
        for (SubscriberTrack t : b.tracks()) {
            assertThat(t.packetsSent()).isEqualTo(ops);
            assertThat(t.dropsNoCodec() + t.dropsWaitingKeyframe() + t.dropsQueueFull()).isZero();
        }
        for (BenchSubscriber out : b.outputs()) {
            assertThat(out.packetsOut()).isEqualTo(ops);
            assertThat(out.protectFailures()).isZero();
        }
        assertThat(b.publishedTrack().packets()).isEqualTo(ops);
        b.checkEverythingForwarded(); // the benchmark's own tear-down check does not throw
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535})
    void ringPacketsCarryTheirSequenceNumberAndStartAKeyFrameOnlyAtZero(int seq) {
        byte[] buf = new byte[Vp8PacketRing.PACKET_BYTES];
        Vp8PacketRing.write(buf, seq, 0x1234_5678);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(buf, 0, buf.length)).isTrue();
        assertThat(h.sequenceNumber()).isEqualTo(seq);
        assertThat(h.timestamp()).isEqualTo((long) seq * Vp8PacketRing.TICKS_PER_FRAME);
        assertThat(h.payloadOffset()).isEqualTo(Vp8PacketRing.HEADER_BYTES);
        assertThat(KeyframeDetector.isVp8KeyframeStart(buf, h.payloadOffset(), h.payloadLength())).isEqualTo(seq == 0);
    }
}
