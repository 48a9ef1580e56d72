package dev.onair.sfu.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.shape.ShapeDrop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The socket-edge observer writes what the wire says into the participant's ring, under its link number. */
class TransportRecorderTest {
    private static byte[] rtp(boolean marker, int pt, int seq, long ts, long ssrc, int payload) {
        byte[] b = new byte[12 + payload + 10];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | pt);
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            b[4 + i] = (byte) (ts >>> (24 - 8 * i));
            b[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
        }
        return b;
    }

    @Test
    void rtpHeadersRtcpAndOtherDatagramsAreRecordedInOrder() {
        FlightRecorder ring = RecorderPolicy.DEFAULT.create();
        TransportRecorder edge = new TransportRecorder(ring, 3);
        edge.onShapingChanged(10, false, true);
        byte[] video = rtp(true, 96, 65535, 0xFFFFFFF0L, 0xDEADBEEFL, 1000);
        int h = edge.onDatagram(11, true, PacketKind.RTP, video, 0, video.length);
        edge.onShapeDrop(h, ShapeDrop.QUEUE_FULL);
        byte[] rtcp = {(byte) 0x81, (byte) 201, 0, 7, 0x11, 0x22, 0x33, 0x44};
        assertThat(edge.onDatagram(12, false, PacketKind.RTCP, rtcp, 0, rtcp.length)).isEqualTo(-1);
        edge.onDatagram(13, false, PacketKind.STUN, new byte[92], 0, 92);
        byte[] audio = rtp(false, 111, 7, 960, 0x01020304L, 60);
        int a = edge.onDatagram(14, false, PacketKind.RTP, audio, 0, audio.length);
        edge.onShapeDrop(a, ShapeDrop.BURST);
        assertThat(ring.markKeyframe(0xDEADBEEFL, 65535)).as("outbound records are not keyframe-marked").isFalse();

        Recording rec = ring.snapshot(20, 0);
        List<PacketRecord> p = rec.packets();
        assertThat(p).hasSize(2);
        PacketRecord v = p.get(0);
        assertThat(v.outbound()).isTrue();
        assertThat(v.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(v.sequence()).isEqualTo(65535);
        assertThat(v.rtpTimestamp()).isEqualTo(0xFFFFFFF0L);
        assertThat(v.payloadType()).isEqualTo(96);
        assertThat(v.marker()).isTrue();
        assertThat(v.sizeBytes()).isEqualTo(video.length);
        assertThat(v.drop()).isEqualTo(DropReason.BOTTLENECK);
        assertThat(v.link()).isEqualTo(3);
        assertThat(p.get(1).drop()).isEqualTo(DropReason.IMPAIRMENT);
        assertThat(p.get(1).outbound()).isFalse();
        assertThat(rec.controls()).extracting(ControlRecord::kind).containsExactly(ControlKind.SHAPING_CHANGED,
                ControlKind.RTCP_RECEIVED, ControlKind.OTHER_DATAGRAM_RECEIVED);
        assertThat(rec.controls().get(0).detail()).isEqualTo(2);
        assertThat(rec.controls().get(1).ssrc()).isEqualTo(0x11223344L);
        assertThat(rec.controls().get(1).detail()).isEqualTo(8);
        assertThat(rec.controls().get(2).detail()).isEqualTo(92);
        assertThat(rec.controls()).extracting(ControlRecord::order).containsExactly(0L, 2L, 3L);
    }

    @Test
    void everyShaperDropHasARecordedReason() {
        for (ShapeDrop d : ShapeDrop.values()) {
            assertThat(TransportRecorder.dropReason(d)).isNotNull().isNotEqualTo(DropReason.NONE);
        }
        assertThat(TransportRecorder.dropReason(ShapeDrop.LOSS).byImpairment()).isTrue();
        assertThat(TransportRecorder.dropReason(ShapeDrop.DELAY_LINE_FULL).byImpairment()).isFalse();
    }
}
