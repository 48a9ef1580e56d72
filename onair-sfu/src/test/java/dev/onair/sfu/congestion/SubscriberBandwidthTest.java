package dev.onair.sfu.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.alloc.AllocatorConfig;
import dev.onair.sfu.alloc.BandwidthAllocator;
import dev.onair.sfu.api.SessionReport.CongestionSample;
import dev.onair.sfu.bwe.BweConfig;
import dev.onair.sfu.bwe.ProbeCluster;
import dev.onair.sfu.bwe.SendSideEstimator;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.RtpRewriter;
import dev.onair.sfu.track.SubscriberOutput;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.sfu.track.TrackCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wiring from an estimate to the tracks: a three-layer simulcast video and an audio track, whose layers have not
 * arrived yet (so they count at their defaults 150 k / 500 k / 1.5 Mbit/s). No feedback is fed: the estimate is
 * the configured start rate, which makes the budget exact.
 */
class SubscriberBandwidthTest {
    private final List<String> records = new ArrayList<>();
    private final List<Long> pacing = new ArrayList<>();
    private final List<ProbeCluster> probes = new ArrayList<>();
    private final SubscriberBandwidth.Output output = new SubscriberBandwidth.Output() {
        @Override
        public void setPacingRateBps(long rateBps) {
            pacing.add(rateBps);
        }

        @Override
        public boolean sendProbe(ProbeCluster cluster, long nowNanos) {
            probes.add(cluster);
            return true;
        }

        @Override
        public void record(ControlKind kind, long ssrc, int detail, long nowNanos) {
            records.add(kind.wireName() + ":" + detail);
        }
    };
    private final SubscriberOutput out = new SubscriberOutput() {
        private final SubscriberQueue queue = new SubscriberQueue(64);

        @Override
        public SubscriberQueue queue() {
            return queue;
        }

        @Override
        public void onEnqueued() {
        }
    };
    private final PublishedTrack video = new PublishedTrack("v", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", 96, 90_000, 97)), Map.of(), (t, l) -> { }, List.of("q", "h", "f"));
    private final PublishedTrack audio = new PublishedTrack("a", "0", MediaKind.AUDIO,
            List.of(new TrackCodec("OPUS", 111, 48_000)), Map.of(), (t, l) -> { });
    private final SubscriberTrack videoOut = new SubscriberTrack("1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", 96, 90_000, 97)), Map.of(), out, new RtpRewriter(1, 1, 1, 90_000), 2, 1);
    private final SubscriberTrack audioOut = new SubscriberTrack("0", MediaKind.AUDIO,
            List.of(new TrackCodec("OPUS", 111, 48_000)), Map.of(), out, new RtpRewriter(3, 1, 1, 48_000));
    private final List<SubscriberTrack> tracks = List.of(audioOut, videoOut);

    private SubscriberBandwidth withEstimate(long bps) {
        videoOut.bind(video, 0);
        audioOut.bind(audio, 0);
        return new SubscriberBandwidth(new SendSideEstimator(new BweConfig(bps, 30_000, 20_000_000), 0),
                new BandwidthAllocator(AllocatorConfig.DEFAULT), 20_000_000, output);
    }

    @Test
    void aNarrowEstimateTargetsTheLowestLayerAndPacesAtTwoAndAHalfTimesIt() {
        SubscriberBandwidth bw = withEstimate(400_000);
        bw.allocate(tracks, 1_000_000_000L);
        assertThat(videoOut.targetLayer()).isEqualTo(0);
        assertThat(bw.audioOnly()).isFalse();
        assertThat(pacing).containsExactly(1_000_000L);
        assertThat(records).contains("layer_target:0");
        assertThat(probes).as("the allocation wants more than 400 kbit/s: a probe").hasSize(1);
        assertThat(probes.get(0).targetBps()).isEqualTo(800_000L);
        assertThat(bw.reasonFor(videoOut)).isEqualTo("bandwidth");
        assertThat(video.demandedLayers()).as("dynacast: layer 0 forwarded, layer 2 wanted by the (unknown) view")
                .isEqualTo(0b101);
    }

    @Test
    void aWideEstimateTargetsTheTopLayerAndWantsNoProbe() {
        SubscriberBandwidth bw = withEstimate(5_000_000);
        bw.allocate(tracks, 1_000_000_000L);
        assertThat(videoOut.targetLayer()).isEqualTo(2);
        assertThat(probes).isEmpty();
    }

    @Test
    void anEstimateBelowTheLowestLayerPausesVideoAndSaysAudioOnly() {
        SubscriberBandwidth bw = withEstimate(120_000);
        bw.allocate(tracks, 1_000_000_000L);
        assertThat(videoOut.targetLayer()).isEqualTo(-1);
        assertThat(bw.audioOnly()).isTrue();
        assertThat(records).contains("layer_target:-1", "audio_only:1");
        assertThat(pacing).as("2.5 x 120 kbit/s").containsExactly(300_000L);
    }

    @Test
    void aSmallViewCapsTheLayerWhateverTheEstimate() {
        SubscriberBandwidth bw = withEstimate(5_000_000);
        videoOut.setViewSize(0, 0);
        bw.allocate(tracks, 1_000_000_000L);
        assertThat(videoOut.targetLayer()).as("hidden: paused").isEqualTo(-1);
        assertThat(bw.audioOnly()).as("paused for the view, not for bandwidth").isFalse();
    }

    @Test
    void theSampleShowsTheEstimateTheAllocationAndEachTrack() {
        SubscriberBandwidth bw = withEstimate(400_000);
        bw.allocate(tracks, 1_000_000_000L);
        CongestionSample s = bw.sample(123L, tracks, 1_000_000L, 12.5, 3.0);
        assertThat(s.estimateBps()).isEqualTo(400_000L);
        assertThat(s.allocatedBps()).isPositive().isLessThanOrEqualTo(400_000L);
        assertThat(s.wantedBps()).isGreaterThan(400_000L);
        assertThat(s.queueDelayMaxMillis()).isEqualTo(12.5);
        assertThat(s.tracks()).hasSize(2);
        assertThat(s.tracks().get(1).targetLayer()).isEqualTo(0);
        assertThat(s.tracks().get(1).reason()).isEqualTo("bandwidth");
    }

    @Test
    void withoutFeedbackOnlyTheViewLimits() {
        videoOut.bind(video, 0);
        audioOut.bind(audio, 0);
        SubscriberBandwidth bw = new SubscriberBandwidth(null, new BandwidthAllocator(AllocatorConfig.DEFAULT),
                20_000_000, output);
        bw.allocate(tracks, 1_000_000_000L);
        assertThat(videoOut.targetLayer()).isEqualTo(2);
        assertThat(pacing).as("no estimate: the pacer keeps its rate").isEmpty();
        assertThat(bw.sample(1L, tracks, 0, Double.NaN, Double.NaN).estimateBps()).isEqualTo(20_000_000L);
    }

    /** One second of layer q in L1T3 at 30 fps, one 500-byte packet per frame: TIDs 0/1/2 at 30/30/60 kbit/s. */
    private void sendTemporalLayersOnQ() {
        int[] pattern = {0, 2, 1, 2};
        for (int f = 0; f < 30; f++) {
            byte[] b = new byte[500];
            b[0] = (byte) 0x80;
            b[1] = (byte) (0x80 | 96);
            dev.onair.protocol.rtp.RtpWriter.setSequenceNumber(b, 0, 100 + f);
            dev.onair.protocol.rtp.RtpWriter.setTimestamp(b, 0, 3000L * f);
            dev.onair.protocol.rtp.RtpWriter.setSsrc(b, 0, 0x77);
            b[12] = (byte) 0x90; // X, S
            b[13] = (byte) 0x20; // T
            b[14] = (byte) (pattern[f % 4] << 6 | (f % 4 == 1 || f % 4 == 2 ? 0x20 : 0));
            b[15] = (byte) (f == 0 ? 0x00 : 0x01); // a keyframe first
            video.onRtp(dev.onair.sfu.track.TrackFixtures.context(b, f * 33_000_000L), 0);
        }
    }

    @Test
    void anEstimateBelowTheWholeLowestLayerKeepsVideoAtFewerTemporalLayers() {
        SubscriberBandwidth bw = withEstimate(150_000);
        sendTemporalLayersOnQ();
        long now = 990_000_000L;
        assertThat(video.layer(0).temporalLayerCount(now)).isEqualTo(3);
        // audio 64 k (its default) + q's TIDs 0-1 (about 60 k) fit in 90 % of 150 k; the whole of q (120 k) does not
        bw.allocate(tracks, now);
        assertThat(videoOut.targetLayer()).isZero();
        assertThat(videoOut.targetTemporalLayer()).isEqualTo(1);
        assertThat(bw.audioOnly()).isFalse();
        assertThat(records).contains("layer_target:0", "temporal_target:1");
        CongestionSample sample = bw.sample(0, tracks, 375_000, 0, 0);
        assertThat(sample.tracks().get(1).targetTemporalLayer()).isEqualTo(1);
        assertThat(sample.tracks().get(1).temporalLayer()).as("what was forwarded: every TID so far").isEqualTo(2);
    }

    /** 200 packets of 1,000 bytes, 1 ms apart on both sides (no delay growth), every 20th lost: 5 % random loss. */
    private static List<dev.onair.sfu.twcc.PacketResult> randomLoss(long fromSeq, long startNanos, int every) {
        List<dev.onair.sfu.twcc.PacketResult> r = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long sent = startNanos + i * 1_000_000L;
            boolean lost = every > 0 && i % every == 0;
            r.add(new dev.onair.sfu.twcc.PacketResult(fromSeq + i, sent, 1_000, !lost, lost ? 0 : sent + 20_000_000L));
        }
        return r;
    }

    @Test
    void randomLossMakesVideoResendsGoOutTwiceAndACleanLinkOnce() {
        SubscriberBandwidth bw = withEstimate(2_000_000);
        bw.onFeedback(randomLoss(0, 1_000_000_000L, 20), tracks, 1_300_000_000L);
        bw.allocate(tracks, 1_400_000_000L);
        assertThat(bw.duplicateResends()).as("5 %% random loss").isTrue();
        assertThat(videoOut.resendCopies()).isEqualTo(2);
        assertThat(audioOut.resendCopies()).as("audio is not resent").isEqualTo(1);
        bw.onFeedback(randomLoss(200, 1_400_000_000L, 0), tracks, 1_700_000_000L);
        bw.allocate(tracks, 1_800_000_000L);
        assertThat(bw.duplicateResends()).as("no loss").isFalse();
        assertThat(videoOut.resendCopies()).isEqualTo(1);
    }
}
