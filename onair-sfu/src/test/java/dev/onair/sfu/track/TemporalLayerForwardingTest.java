package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Bytes;
import dev.onair.protocol.codec.Vp8Descriptor;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.protocol.rtp.RtpWriter;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.rtx.ResendOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One VP8 layer with three temporal layers in libwebrtc's L1T3 pattern (TID 0, 2, 1, 2; the TID 1 frame and the
 * TID 2 frame after a base frame are layer-sync frames), two packets per frame, forwarded to a subscriber whose
 * temporal target moves down and up: the frames of the wanted layers go out with consecutive sequence numbers and
 * picture ids, switching up only at sync frames.
 */
class TemporalLayerForwardingTest {
    private static final int PT = 96;
    private static final long FRAME_NANOS = 33 * MS;
    private static final int[] PATTERN_TID = {0, 2, 1, 2};
    private static final boolean[] PATTERN_SYNC = {false, true, true, false};

    private final List<Integer> keyRequests = new ArrayList<>();
    private final PublishedTrack track = new PublishedTrack("pub/1", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", PT, 90_000, 97)), Map.of(), (t, l) -> keyRequests.add(l.index()),
            List.of());
    private final TrackFixtures.Recorder out = new TrackFixtures.Recorder(4096);
    private final SubscriberTrack sub = new SubscriberTrack("0", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", 100, 90_000, 101)), Map.of(), out,
            new RtpRewriter(0xABCDL, 65_530, 1_000, 90_000), 0xA0A0L, 7_000);
    private final List<String> temporalSwitches = new ArrayList<>();
    private int seq = 40_000;
    private int pid = 32_700;
    private int tl0 = 250;
    private long ts = 10_000;
    private int frame;
    /** Packets (frame * 2 + part) lost upstream: kept back, to arrive later as repairs. */
    private final java.util.Set<Integer> lose = new java.util.HashSet<>();
    private final List<byte[]> withheld = new ArrayList<>();

    /** A VP8 packet with I, L and T: 15-bit picture id, TL0PICIDX, TID and Y; the last byte is the frame number. */
    private byte[] packet(boolean start, boolean key, boolean marker, int tid, boolean sync) {
        byte[] b = new byte[12 + 6 + (start ? 10 : 3) + 1];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | PT);
        RtpWriter.setSequenceNumber(b, 0, seq);
        RtpWriter.setTimestamp(b, 0, ts);
        RtpWriter.setSsrc(b, 0, 0x5000);
        int d = 12;
        b[d] = (byte) (0x80 | (start ? 0x10 : 0));
        b[d + 1] = (byte) 0xE0; // I, L, T
        b[d + 2] = (byte) (0x80 | (pid >>> 8));
        b[d + 3] = (byte) pid;
        b[d + 4] = (byte) tl0;
        b[d + 5] = (byte) (tid << 6 | (sync ? 0x20 : 0));
        int p = d + 6;
        b[p] = (byte) (start && key ? 0x00 : 0x01);
        if (start) {
            b[p + 3] = (byte) 0x9D;
            b[p + 4] = 0x01;
            b[p + 5] = 0x2A;
            b[p + 6] = (byte) 64;
            b[p + 8] = (byte) 48;
        }
        b[b.length - 1] = (byte) frame;
        return b;
    }

    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            int tid = PATTERN_TID[frame % 4];
            if (tid == 0 && frame > 0) {
                tl0 = (tl0 + 1) & 0xFF;
            }
            boolean key = frame == 0 || frame == 60;
            for (int part = 0; part < 2; part++) {
                byte[] b = packet(part == 0, key, part == 1, key ? 0 : tid, !key && PATTERN_SYNC[frame % 4]);
                if (lose.contains(frame * 2 + part)) {
                    withheld.add(b);
                } else {
                    track.onRtp(context(b, frame * FRAME_NANOS), 0);
                }
                seq = (seq + 1) & 0xFFFF;
            }
            ts = (ts + 2970) & 0xFFFFFFFFL;
            pid = (pid + 1) & 0x7FFF;
            frame++;
        }
        out.drain();
    }

    private static RtpHeader header(byte[] b) {
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(b, 0, b.length)).isTrue();
        return h;
    }

    private static Vp8Descriptor descriptor(byte[] b) {
        RtpHeader h = header(b);
        Vp8Descriptor d = new Vp8Descriptor();
        assertThat(d.parse(b, h.payloadOffset(), h.payloadLength())).isTrue();
        return d;
    }

    /** The frame numbers forwarded from packet {@code from} on (each frame once). */
    private List<Integer> framesSent(int from) {
        List<Integer> f = new ArrayList<>();
        for (int i = from; i < out.sent.size(); i++) {
            byte[] b = out.sent.get(i);
            int n = b[b.length - 1] & 0xFF;
            if (f.isEmpty() || f.get(f.size() - 1) != n) {
                f.add(n);
            }
        }
        return f;
    }

    private void assertOneContinuousStream() {
        for (int i = 1; i < out.sent.size(); i++) {
            byte[] prev = out.sent.get(i - 1);
            byte[] cur = out.sent.get(i);
            assertThat(header(cur).sequenceNumber()).as("packet %d: sequence numbers step by one", i)
                    .isEqualTo((header(prev).sequenceNumber() + 1) & 0xFFFF);
            int dPid = (descriptor(cur).pictureId() - descriptor(prev).pictureId()) & 0x7FFF;
            boolean newFrame = (cur[cur.length - 1] != prev[prev.length - 1]);
            assertThat(dPid).as("packet %d: picture ids step by one per forwarded frame", i).isEqualTo(newFrame ? 1 : 0);
        }
    }

    @Test
    void theTargetMovesDownAtAFrameStartAndUpOnlyAtSyncFramesWithoutGaps() {
        sub.setLayerSwitchListener(new LayerSwitchListener() {
            @Override
            public void onLayerSwitch(SubscriberTrack t, int fromLayer, int toLayer, long nowNanos) {
            }

            @Override
            public void onTemporalSwitch(SubscriberTrack t, int from, int to, long nowNanos) {
                temporalSwitches.add(from + ">" + to + "@" + nowNanos / FRAME_NANOS);
            }
        });
        sub.bind(track, 0);
        frames(8);
        assertThat(framesSent(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(sub.currentTemporalLayer()).isEqualTo(2);
        assertThat(track.layer(0).temporalLayerCount(8 * FRAME_NANOS)).isEqualTo(3);

        sub.setTargetTemporalLayer(0);
        int mark = out.sent.size();
        frames(8); // 8..15
        assertThat(framesSent(mark)).as("base layer only from the next frame").containsExactly(8, 12);
        assertThat(sub.currentTemporalLayer()).isZero();

        sub.setTargetTemporalLayer(1);
        mark = out.sent.size();
        frames(8); // 16..23: 17 is a TID 2 sync frame (above the target), 18 the TID 1 sync frame
        assertThat(framesSent(mark)).as("TID 1 joins at its sync frame").containsExactly(16, 18, 20, 22);

        sub.setTargetTemporalLayer(SubscriberTrack.TEMPORAL_ALL);
        mark = out.sent.size();
        frames(4); // 24..27: 25 is a TID 2 sync frame
        assertThat(framesSent(mark)).containsExactly(24, 25, 26, 27);
        assertThat(temporalSwitches).containsExactly("2>0@8", "0>1@18", "1>2@25");
        assertThat(sub.temporalSwitches()).isEqualTo(3);
        assertThat(sub.dropsTemporal()).isEqualTo(2L * (6 + 4));
        assertOneContinuousStream();
    }

    @Test
    void anUpSwitchWithoutASyncFrameWaitsForTheKeyframe() {
        sub.bind(track, 0);
        frames(4);
        sub.setTargetTemporalLayer(0);
        frames(4);
        int mark = out.sent.size();
        // Sync frames never come (a publisher that sets no Y bit): only a keyframe lets the upper layers in.
        Arrays.fill(PATTERN_SYNC, false);
        try {
            sub.setTargetTemporalLayer(2);
            frames(52); // 8..59: the keyframe is frame 60
            assertThat(framesSent(mark)).allMatch(f -> f % 4 == 0);
            mark = out.sent.size();
            frames(4);
            assertThat(framesSent(mark)).containsExactly(60, 61, 62, 63);
        } finally {
            PATTERN_SYNC[1] = true;
            PATTERN_SYNC[2] = true;
        }
        assertOneContinuousStream();
    }

    @Test
    void aNackAfterLeftOutFramesResendsThePacketItNamedWithItsFirstNumbers() {
        sub.bind(track, 0);
        frames(20);
        sub.setTargetTemporalLayer(0);
        frames(10);
        byte[] original = out.sent.get(out.sent.size() - 2); // the first packet of the last TID 0 frame (28)
        assertThat(original[original.length - 1]).isEqualTo((byte) 28);
        int outSeq = header(original).sequenceNumber();
        assertThat(sub.resend(outSeq, 30 * FRAME_NANOS, 400 * MS, 100 * MS)).isEqualTo(ResendOutcome.SENT_RTX);
        out.drain();
        byte[] rtx = out.sent.get(out.sent.size() - 1);
        RtpHeader h = header(rtx);
        assertThat(Bytes.u16(rtx, h.payloadOffset())).isEqualTo(outSeq);
        RtpHeader o = header(original);
        assertThat(Arrays.copyOfRange(rtx, h.payloadOffset() + 2, rtx.length))
                .as("frame 28's packet with the picture id it was first sent with")
                .isEqualTo(Arrays.copyOfRange(original, o.payloadOffset(), original.length));
    }

    @Test
    void aStreamWithoutTemporalLayersIsForwardedWhateverTheTarget() {
        sub.setTargetTemporalLayer(0);
        sub.bind(track, 0);
        for (int i = 0; i < 6; i++) {
            byte[] b = TrackFixtures.vp8(PT, seq++, ts, 0x5000, 1, i == 0);
            ts += 2970;
            track.onRtp(context(b, i * FRAME_NANOS), 0);
        }
        out.drain();
        assertThat(out.sent).hasSize(6);
        assertThat(sub.currentTemporalLayer()).isEqualTo(-1);
        assertThat(track.layer(0).temporalLayerCount(6 * FRAME_NANOS)).isEqualTo(1);
    }

    @Test
    void packetsLostUpstreamInsideLeftOutFramesLeaveNoGapAndTheirRepairsStayOut() {
        sub.bind(track, 0);
        frames(8);
        sub.setTargetTemporalLayer(0);
        // Frame 9 (TID 2) loses its tail, frame 13 (TID 2) its head: those gaps surely belong to left-out frames.
        // Frame 11 (TID 2) is lost whole: a whole picture's TID is unknown (it might be a base frame), so its numbers
        // stay, for a repair to fill or a NACK to miss.
        lose.addAll(List.of(9 * 2 + 1, 13 * 2, 11 * 2, 11 * 2 + 1));
        int mark = out.sent.size();
        frames(8); // 8..15
        assertThat(framesSent(mark)).containsExactly(8, 12);
        for (byte[] b : withheld) {
            track.onRtp(context(b, 16 * FRAME_NANOS), 0); // the publisher's repairs, late
        }
        frames(4);
        assertThat(framesSent(mark)).as("no repair of a left-out frame goes out").containsExactly(8, 12, 16);
        // Frame 11's two lost packets kept two numbers: the only gap, between frames 8 and 12
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < out.sent.size(); i++) {
            steps.add((header(out.sent.get(i)).sequenceNumber() - header(out.sent.get(i - 1)).sequenceNumber())
                    & 0xFFFF);
        }
        assertThat(steps).filteredOn(d -> d != 1).containsExactly(3);
        assertThat(sub.rewriter().lateDrops()).isEqualTo(2);
    }

    @Test
    void withTwoResendCopiesANackIsAnsweredByTwoRtxPacketsOfTheSamePacket() {
        sub.bind(track, 0);
        frames(10);
        sub.setResendCopies(2);
        byte[] original = out.sent.get(out.sent.size() - 1);
        int outSeq = header(original).sequenceNumber();
        int before = out.sent.size();
        assertThat(sub.resend(outSeq, 10 * FRAME_NANOS, 400 * MS, 100 * MS)).isEqualTo(ResendOutcome.SENT_RTX);
        assertThat(sub.resend(outSeq, 10 * FRAME_NANOS + MS, 400 * MS, 100 * MS)).as("asked again at once")
                .isEqualTo(ResendOutcome.SUPPRESSED);
        out.drain();
        assertThat(out.sent).hasSize(before + 2);
        RtpHeader a = header(out.sent.get(before));
        RtpHeader b = header(out.sent.get(before + 1));
        assertThat(Bytes.u16(out.sent.get(before), a.payloadOffset())).isEqualTo(outSeq);
        assertThat(Bytes.u16(out.sent.get(before + 1), b.payloadOffset())).isEqualTo(outSeq);
        assertThat(b.sequenceNumber()).as("two RTX sequence numbers").isEqualTo((a.sequenceNumber() + 1) & 0xFFFF);
        assertThat(sub.retransmitted()).isEqualTo(1);
        assertThat(sub.duplicateResends()).isEqualTo(1);
    }
}
