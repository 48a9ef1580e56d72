package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MID_URI;
import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static dev.onair.sfu.track.TrackFixtures.vp8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.rtx.RtxPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A publisher's RTX packets restored and delivered like the originals they stand for. */
class UpstreamRtxTest {
    private static final int PT = 96;
    private static final int RTX_PT = 97;
    private static final long SSRC = 0x1111L;
    private static final long RTX_SSRC = 0x2222L;

    private final List<String> keyframeRequests = new ArrayList<>();
    private final PublishedTrack track = new PublishedTrack("pub/1", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", PT, 90_000, RTX_PT)), Map.of(MID_URI, 4), (t, l) -> keyframeRequests.add(t.id()));
    private final List<byte[]> forwarded = new ArrayList<>();

    UpstreamRtxTest() {
        track.enableNacks();
        track.addSink(new PacketSink() {
            @Override
            public void accept(PublishedTrack from, PacketContext p) {
                forwarded.add(Arrays.copyOfRange(p.buf, p.off, p.off + p.len));
            }
        });
    }

    /** The RTX form of {@code original} in a buffer with the usual headroom. */
    private static PacketContext rtxOf(byte[] original, int rtxSeq, long arrivalNanos) {
        byte[] buf = Arrays.copyOf(original, original.length + RtxPacket.OSN_BYTES);
        RtpHeader h = new RtpHeader();
        h.parse(original, 0, original.length);
        int len = RtxPacket.wrap(buf, 0, original.length, h.payloadOffset(), RTX_PT, RTX_SSRC, rtxSeq);
        PacketContext p = new PacketContext();
        p.reset(buf, 0, len, arrivalNanos);
        assertThat(p.header.parse(buf, 0, len)).isTrue();
        return p;
    }

    @Test
    void aRetransmittedPacketIsRestoredForwardedCachedAndCountedApart() {
        byte[] lost = vp8(PT, 101, 3000, SSRC, 4, false);
        track.onRtp(context(vp8(PT, 100, 0, SSRC, 4, true), 0));
        track.onRtp(context(vp8(PT, 102, 6000, SSRC, 4, false), 1 * MS));
        assertThat(track.isRtxPayloadType(RTX_PT)).isTrue();
        assertThat(track.nacks().missingCount()).isEqualTo(1);

        PacketContext p = rtxOf(lost, 7, 40 * MS);
        assertThat(track.onRtx(p)).isTrue();
        assertThat(p.header.ssrc()).isEqualTo(SSRC);
        assertThat(p.header.payloadType()).isEqualTo(PT);
        assertThat(p.header.sequenceNumber()).isEqualTo(101);
        assertThat(p.extendedSeq).isEqualTo(101);
        assertThat(forwarded.get(2)).as("the original packet, byte for byte").isEqualTo(lost);
        assertThat(track.retransmissions().find(SSRC, 101, 41 * MS, 1_000 * MS)).isGreaterThanOrEqualTo(0);
        assertThat(track.rtxRecovered()).isEqualTo(1);
        assertThat(track.nacks().missingCount()).isZero();
        assertThat(track.stats().cumulativeLost()).as("receive statistics stay those before retransmission")
                .isEqualTo(1);
        assertThat(track.packets()).isEqualTo(3);
    }

    @Test
    void aDuplicateRetransmissionIsDroppedAndCounted() {
        byte[] second = vp8(PT, 101, 3000, SSRC, 4, false);
        track.onRtp(context(vp8(PT, 100, 0, SSRC, 4, true), 0));
        track.onRtp(context(second, 1 * MS));
        assertThat(track.onRtx(rtxOf(second, 7, 40 * MS))).isFalse();
        assertThat(track.rtxDuplicates()).isEqualTo(1);
        assertThat(forwarded).hasSize(2);
    }

    @Test
    void aPaddingOnlyProbeIsDroppedAndCounted() {
        track.onRtp(context(vp8(PT, 100, 0, SSRC, 4, true), 0));
        byte[] probe = {(byte) 0xA0, RTX_PT, 0, 9, 0, 0, 0, 0, 0, 0, 0x22, 0x22, 0, 0, 0, 0, 0, 0, 0, 8};
        PacketContext p = new PacketContext();
        p.reset(probe, 0, probe.length, 5 * MS);
        assertThat(p.header.parse(probe, 0, probe.length)).isTrue();
        assertThat(track.onRtx(p)).isFalse();
        assertThat(track.rtxPaddingOnly()).isEqualTo(1);
        assertThat(forwarded).hasSize(1);
    }

    @Test
    void aRetransmissionBeforeAnyOriginalIsUnusable() {
        assertThat(track.onRtx(rtxOf(vp8(PT, 100, 0, SSRC, 4, true), 1, 0))).isFalse();
        assertThat(track.rtxUnusable()).isEqualTo(1);
        assertThat(forwarded).isEmpty();
    }

    @Test
    void aRetransmissionAcrossTheWrapRestoresTheWireNumber() {
        byte[] lost = vp8(PT, 0, 3000, SSRC, 4, false);
        track.onRtp(context(vp8(PT, 65_535, 0, SSRC, 4, true), 0));
        track.onRtp(context(vp8(PT, 1, 6000, SSRC, 4, false), 1 * MS));
        PacketContext p = rtxOf(lost, 3, 30 * MS);
        assertThat(track.onRtx(p)).isTrue();
        assertThat(p.header.sequenceNumber()).isZero();
        assertThat(p.extendedSeq).isEqualTo(65_536);
        assertThat(track.nacks().recovered()).isEqualTo(1);
    }
}
