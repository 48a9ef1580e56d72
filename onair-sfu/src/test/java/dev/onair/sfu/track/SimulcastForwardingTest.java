package dev.onair.sfu.track;

import static dev.onair.sfu.track.SimulcastPackets.PT;
import static dev.onair.sfu.track.SimulcastPackets.RTX_PT;
import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Bytes;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.rtx.ResendOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three simulcast layers (own SSRC, sequence, timestamp, picture id and TL0PICIDX spaces, one of them about to wrap)
 * forwarded to one subscriber that switches up and down: the output must look like one continuous stream.
 */
class SimulcastForwardingTest {
    private static final long FRAME_NANOS = 33 * MS;
    private static final int FRAME_TICKS = 2970; // 33 ms at 90 kHz
    /** The publisher answers a keyframe request this many frames later. */
    private static final int KEY_DELAY_FRAMES = 3;

    /** A simulcast publisher that sends two packets per frame on each layer and answers PLIs late. */
    static final class Publisher {
        final long[] ssrc = {0x1000, 0x2000, 0x3000};
        final int[] seq = {1000, 20_000, 65_500};
        final long[] ts = {5_000, 4_000_000_000L, 77};
        final int[] pid = {100, 5_000, 32_760};
        final int[] tl0 = {10, 200, 250};
        final int[] width = {320, 640, 1280};
        final int[] height = {180, 360, 720};
        final int[] keyAtFrame = {0, 0, 0};
        final boolean[] active = {true, true, true};
        final List<Integer> requests = new ArrayList<>();
        int frame;

        void onRequest(PublishedLayer layer) {
            requests.add(layer.index());
            int at = frame + KEY_DELAY_FRAMES;
            if (keyAtFrame[layer.index()] <= frame) {
                keyAtFrame[layer.index()] = at;
            }
        }

        /** One frame on every active layer at {@code frame * 33 ms}. */
        void sendFrame(PublishedTrack track) {
            long now = frame * FRAME_NANOS;
            for (int l = 0; l < 3; l++) {
                if (!active[l]) {
                    continue;
                }
                boolean key = keyAtFrame[l] == frame;
                for (int part = 0; part < 2; part++) {
                    byte[] b = SimulcastPackets.vp8(seq[l], ts[l], ssrc[l], pid[l], tl0[l], part == 0, key, part == 1,
                            l, width[l], height[l]);
                    seq[l] = (seq[l] + 1) & 0xFFFF;
                    track.onRtp(context(b, now), l);
                }
                ts[l] = (ts[l] + FRAME_TICKS) & 0xFFFFFFFFL;
                pid[l] = (pid[l] + 1) & 0x7FFF;
                tl0[l] = (tl0[l] + 1) & 0xFF;
            }
            frame++;
        }
    }

    private final Publisher pub = new Publisher();
    private final PublishedTrack track = new PublishedTrack("pub/1", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", PT, 90_000, RTX_PT)), Map.of(), (t, l) -> pub.onRequest(l),
            List.of("q", "h", "f"));
    private final TrackFixtures.Recorder out = new TrackFixtures.Recorder(4096);
    private final SubscriberTrack sub = new SubscriberTrack("0", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", 100, 90_000, 101)), Map.of(), out,
            new RtpRewriter(0xABCDL, 65_000, 1_000, 90_000), 0xA0A0L, 7_000);
    private final List<String> switches = new ArrayList<>();

    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            pub.sendFrame(track);
        }
        out.drain();
    }

    private static RtpHeader header(byte[] packet) {
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(packet, 0, packet.length)).isTrue();
        return h;
    }

    private void bindAndRunScript() {
        sub.setLayerSwitchListener((t, from, to, now) -> switches.add(from + ">" + to + "@" + now / FRAME_NANOS));
        sub.bind(track, 0);
        frames(30);
        int[] targets = {0, 1, 2, 0, 2, 1};
        for (int target : targets) {
            sub.setTargetLayer(target, pub.frame * FRAME_NANOS);
            frames(30);
        }
    }

    @Test
    void switchesUpAndDownOnlyAtTheTargetsKeyframeAndTheOutputStaysOneStream() {
        bindAndRunScript();

        // At the start the layers' first keyframes arrive lowest first in one tick: each is the best active one
        // when it arrives.
        assertThat(switches).containsExactly("-1>0@0", "0>1@0", "1>2@0", "2>0@33", "0>1@63", "1>2@93", "2>0@123",
                "0>2@153", "2>1@183");
        assertThat(sub.layerSwitches()).isEqualTo(8);
        assertThat(sub.currentLayer()).isEqualTo(1);
        assertThat(sub.targetLayer()).isEqualTo(1);

        List<byte[]> sent = out.sent;
        // An upswitch lands in the tick where the lower layer's frame already went out: one frame (two packets)
        // more each, one timestamp tick later (two at the start, then 0>1, 1>2, 0>2).
        assertThat(sent).hasSize(210 * 2 + 5 * 2);
        for (int i = 1; i < sent.size(); i++) {
            byte[] prev = sent.get(i - 1);
            byte[] cur = sent.get(i);
            RtpHeader hp = header(prev);
            RtpHeader hc = header(cur);
            assertThat(hc.ssrc()).isEqualTo(0xABCDL);
            assertThat(hc.sequenceNumber()).as("seq at %d", i).isEqualTo((hp.sequenceNumber() + 1) & 0xFFFF);
            long dTs = (hc.timestamp() - hp.timestamp()) & 0xFFFFFFFFL;
            assertThat(dTs).as("timestamp step at %d", i).isBetween(0L, (long) FRAME_TICKS);
            boolean newFrame = dTs != 0;
            int dPid = (SimulcastPackets.pictureId(cur) - SimulcastPackets.pictureId(prev)) & 0x7FFF;
            int dTl0 = (SimulcastPackets.tl0(cur) - SimulcastPackets.tl0(prev)) & 0xFF;
            assertThat(dPid).as("picture id step at %d", i).isEqualTo(newFrame ? 1 : 0);
            assertThat(dTl0).as("TL0PICIDX step at %d", i).isEqualTo(newFrame ? 1 : 0);
            if (SimulcastPackets.layerTag(cur) != SimulcastPackets.layerTag(prev)) {
                int p = hc.payloadOffset();
                assertThat(cur[p + SimulcastPackets.DESCRIPTOR] & 0x01).as("a switch lands on a key frame at %d", i)
                        .isZero();
            }
        }
    }

    @Test
    void theCurrentLayerGoesOnUntilTheTargetsKeyframeArrives() {
        sub.bind(track, 0);
        frames(20); // past the 500 ms keyframe request throttle of the start
        int before = out.sent.size();
        long startedOn = sub.supersededBeforeNanos();
        sub.setTargetLayer(0, pub.frame * FRAME_NANOS);
        assertThat(pub.requests).as("a PLI for layer 0 at once").endsWith(0);
        assertThat(track.demandedLayers()).as("current and target").isEqualTo(0b101);
        frames(KEY_DELAY_FRAMES);
        assertThat(out.sent.subList(before, out.sent.size())).as("still the full layer while waiting")
                .allMatch(b -> SimulcastPackets.layerTag(b) == 2).hasSize(2 * KEY_DELAY_FRAMES);
        assertThat(sub.currentLayer()).isEqualTo(2);
        assertThat(sub.supersededBeforeNanos()).as("nothing superseded while the old layer goes on")
                .isEqualTo(startedOn);
        long keyframeAt = pub.frame * FRAME_NANOS;
        frames(1);
        assertThat(SimulcastPackets.layerTag(out.sent.get(out.sent.size() - 1))).isEqualTo(0);
        assertThat(sub.currentLayer()).isEqualTo(0);
        assertThat(sub.supersededBeforeNanos()).as("what is still queued of layer 2 goes unsent at the switch")
                .isEqualTo(keyframeAt);
        assertThat(track.demandedLayers()).isEqualTo(0b001);
        assertThat(sub.dropsOtherLayer()).isPositive();
    }

    @Test
    void pausedForwardsNothingAndResumesOnAKeyframe() {
        sub.bind(track, 0);
        frames(20); // past the 500 ms keyframe request throttle of the start
        int before = out.sent.size();
        long switchesBefore = sub.layerSwitches();
        sub.setTargetLayer(-1, pub.frame * FRAME_NANOS);
        assertThat(sub.currentLayer()).isEqualTo(-1);
        assertThat(track.demandedLayers()).isZero();
        frames(5);
        assertThat(out.sent).hasSize(before);
        assertThat(sub.dropsPaused()).isEqualTo(5 * 2 * 3);
        sub.setTargetLayer(1, pub.frame * FRAME_NANOS);
        frames(KEY_DELAY_FRAMES + 1);
        assertThat(out.sent).hasSize(before + 2);
        assertThat(SimulcastPackets.layerTag(out.sent.get(before))).isEqualTo(1);
        assertThat(sub.layerSwitches()).as("a pause and a resume are no switch between layers")
                .isEqualTo(switchesBefore);
    }

    @Test
    void aPauseAndAResumeOnTheSameLayerLeaveNoSequenceGap() {
        sub.bind(track, 0);
        sub.setTargetLayer(2, 0);
        frames(20);
        int before = out.sent.size();
        assertThat(sub.currentLayer()).isEqualTo(2);
        sub.setTargetLayer(-1, pub.frame * FRAME_NANOS);
        frames(10);
        sub.setTargetLayer(2, pub.frame * FRAME_NANOS);
        frames(KEY_DELAY_FRAMES + 3);
        assertThat(out.sent.size()).isGreaterThan(before + 2);
        RtpHeader last = header(out.sent.get(before - 1));
        RtpHeader resumed = header(out.sent.get(before));
        assertThat(SimulcastPackets.layerTag(out.sent.get(before))).isEqualTo(2);
        assertThat(resumed.sequenceNumber()).as("the 20 packets skipped while paused leave no gap")
                .isEqualTo((last.sequenceNumber() + 1) & 0xFFFF);
        long dTs = (resumed.timestamp() - last.timestamp()) & 0xFFFFFFFFL;
        assertThat(dTs).as("the timestamp advances by the paused time, not more").isPositive()
                .isLessThanOrEqualTo((long) FRAME_TICKS * (10 + KEY_DELAY_FRAMES + 3));
        int dPid = (SimulcastPackets.pictureId(out.sent.get(before)) - SimulcastPackets.pictureId(out.sent.get(before - 1)))
                & 0x7FFF;
        assertThat(dPid).as("picture ids go on by one").isEqualTo(1);
    }

    @Test
    void nackAfterASwitchMapsToTheNewLayerAndResendsItsCachedPacketRewritten() {
        sub.bind(track, 0);
        frames(20); // past the 500 ms keyframe request throttle of the start
        sub.setTargetLayer(0, pub.frame * FRAME_NANOS);
        frames(KEY_DELAY_FRAMES + 3);
        byte[] original = out.sent.get(out.sent.size() - 3); // a layer-0 packet, after the switch
        assertThat(SimulcastPackets.layerTag(original)).isEqualTo(0);
        int outSeq = header(original).sequenceNumber();
        assertThat(sub.rewriter().sourceSeqOf(outSeq)).as("layer 0's own sequence number")
                .isEqualTo((pub.seq[0] - 3) & 0xFFFF);
        int beforeSwitch = header(out.sent.get(out.sent.size() - 2 * (KEY_DELAY_FRAMES + 3) - 1)).sequenceNumber();
        assertThat(sub.rewriter().sourceSeqOf(beforeSwitch)).as("belonged to the previous layer").isEqualTo(-1);

        long now = pub.frame * FRAME_NANOS;
        assertThat(sub.resend(outSeq, now, 400 * MS, 100 * MS)).isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(sub.resend(beforeSwitch, now, 400 * MS, 100 * MS)).isEqualTo(ResendOutcome.MISSED);
        out.drain();
        byte[] rtx = out.sent.get(out.sent.size() - 1);
        RtpHeader h = header(rtx);
        assertThat(h.ssrc()).isEqualTo(0xA0A0L);
        assertThat(Bytes.u16(rtx, h.payloadOffset())).isEqualTo(outSeq);
        RtpHeader o = header(original);
        assertThat(Arrays.copyOfRange(rtx, h.payloadOffset() + 2, rtx.length))
                .as("layer 0's packet with the picture id and TL0PICIDX it was first sent with")
                .isEqualTo(Arrays.copyOfRange(original, o.payloadOffset(), original.length));
    }

    @Test
    void layersKeepTheirOwnSsrcStatisticsBitrateActivityAndFrameSize() {
        sub.bind(track, 0);
        frames(40);
        assertThat(track.layerCount()).isEqualTo(3);
        long now = pub.frame * FRAME_NANOS;
        for (int l = 0; l < 3; l++) {
            PublishedLayer layer = track.layer(l);
            assertThat(layer.index()).isEqualTo(l);
            assertThat(layer.rid()).isEqualTo(List.of("q", "h", "f").get(l));
            assertThat(layer.ssrc()).isEqualTo(pub.ssrc[l]);
            assertThat(layer.stats().packetsReceived()).isEqualTo(80);
            assertThat(layer.frameWidth()).isEqualTo(pub.width[l]);
            assertThat(layer.frameHeight()).isEqualTo(pub.height[l]);
            assertThat(layer.isActive(now)).isTrue();
            assertThat(layer.keyframesSeen()).isPositive();
        }
        int packetBytes = SimulcastPackets.vp8(0, 0, 0, 0, 0, false, false, false, 0, 0, 0).length;
        int startBytes = SimulcastPackets.vp8(0, 0, 0, 0, 0, true, false, false, 0, 0, 0).length;
        long perSecond = 8L * (packetBytes + startBytes) * (1_000 / 33 + 1);
        assertThat(track.layer(1).bitrateBps(now)).isBetween(perSecond * 9 / 10, perSecond * 11 / 10);
        assertThat(track.ssrc()).as("the primary layer is the highest").isEqualTo(pub.ssrc[2]);

        pub.active[2] = false;
        frames(40);
        now = pub.frame * FRAME_NANOS;
        assertThat(track.layer(2).isActive(now)).isFalse();
        assertThat(track.layer(2).bitrateBps(now)).isZero();
        assertThat(track.layer(0).isActive(now)).isTrue();
    }

    @Test
    void keyframeRequestsGoToTheLayersSsrcAndThrottlePerLayer() {
        List<Long> asked = new ArrayList<>();
        PublishedTrack t = new PublishedTrack("pub/2", "2", MediaKind.VIDEO, List.of(new TrackCodec("VP8", PT, 90_000)),
                Map.of(), (tr, l) -> asked.add(l.ssrc()), List.of("q", "h", "f"));
        t.requestKeyframe(1, 0);
        assertThat(asked).as("deferred until layer 1's SSRC is known").isEmpty();
        t.onRtp(context(SimulcastPackets.vp8(1, 1, 0x22, 1, 1, true, false, true, 1, 0, 0), 10 * MS), 1);
        assertThat(asked).containsExactly(0x22L);
        t.onRtp(context(SimulcastPackets.vp8(1, 1, 0x11, 1, 1, true, false, true, 0, 0, 0), 20 * MS), 0);
        t.requestKeyframe(0, 30 * MS);
        t.requestKeyframe(1, 30 * MS);
        assertThat(asked).as("layer 1 throttled, layer 0 not").containsExactly(0x22L, 0x11L);
        t.requestKeyframe(5, 30 * MS);
        assertThat(asked).hasSize(2);
    }

    @Test
    void demandIsTheUnionOverSubscribersAndChangesArePolled() {
        TrackFixtures.Recorder out2 = new TrackFixtures.Recorder(64);
        SubscriberTrack other = new SubscriberTrack("0", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 100, 90_000)),
                Map.of(), out2, new RtpRewriter(0x1L, 1, 1, 90_000));
        assertThat(track.takeDemandChanged()).isTrue();
        assertThat(track.takeDemandChanged()).isFalse();
        sub.setTargetLayer(1, 0);
        other.setTargetLayer(0, 0);
        sub.bind(track, 0);
        other.bind(track, 0);
        assertThat(track.demandedLayers()).isEqualTo(0b011);
        assertThat(track.takeDemandChanged()).isTrue();
        assertThat(track.takeDemandChanged()).isFalse();
        other.setTargetLayer(-1, 0);
        assertThat(track.demandedLayers()).isEqualTo(0b010);
        assertThat(track.takeDemandChanged()).isTrue();
    }

    @Test
    void followsTheBestActiveLayerBelowTheTargetAsThePublisherAddsAndStopsLayers() {
        pub.active[1] = false;
        pub.active[2] = false;
        sub.setLayerSwitchListener((t, from, to, now) -> switches.add(from + ">" + to + "@" + now / FRAME_NANOS));
        sub.bind(track, 0);
        frames(10);
        assertThat(sub.targetLayer()).isEqualTo(2);
        assertThat(sub.currentLayer()).as("only q is sent yet (bandwidth ramp-up)").isEqualTo(0);
        pub.active[2] = true;
        pub.keyAtFrame[2] = pub.frame + 2; // f starts with a delta frame, its keyframe comes two frames later
        frames(5);
        assertThat(sub.currentLayer()).isEqualTo(2);
        pub.active[2] = false; // f stops again: after the activity window, back to q at its next keyframe
        frames(25);
        assertThat(sub.currentLayer()).as("still within f's activity window").isEqualTo(2);
        frames(10 + KEY_DELAY_FRAMES);
        assertThat(sub.currentLayer()).isZero();
        // f's last packet at frame 14 (462 ms); inactive from frame 45 (1485 ms), when q's keyframe is asked for;
        // it comes KEY_DELAY_FRAMES later.
        assertThat(switches).containsExactly("-1>0@0", "0>2@12", "2>0@" + (45 + KEY_DELAY_FRAMES));
        for (int i = 1; i < out.sent.size(); i++) {
            assertThat((header(out.sent.get(i)).sequenceNumber() - header(out.sent.get(i - 1)).sequenceNumber())
                    & 0xFFFF).isEqualTo(1);
        }
    }
}
