package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.codec.Vp8Descriptor;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.protocol.rtp.RtpWriter;
import dev.onair.sfu.negotiation.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two simulcast layers, each L1T3: a subscriber on the upper layer told to go down keeps the upper layer at its base
 * temporal layer until the lower layer's keyframe, then takes the lower layer whole; one continuous stream throughout.
 */
class DowngradeThinningTest {
    private static final int PT = 96;
    private static final long FRAME_NANOS = 33 * MS;
    private static final int[] TID = {0, 2, 1, 2};
    private static final boolean[] SYNC = {false, true, true, false};

    private final List<Integer> requests = new ArrayList<>();
    private final PublishedTrack track = new PublishedTrack("pub/1", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", PT, 90_000, 97)), Map.of(), (t, l) -> requests.add(l.index()),
            List.of("q", "f"));
    private final TrackFixtures.Recorder out = new TrackFixtures.Recorder(4096);
    private final SubscriberTrack sub = new SubscriberTrack("0", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", 100, 90_000, 101)), Map.of(), out,
            new RtpRewriter(0xABCDL, 100, 1_000, 90_000), 0xA0A0L, 7_000);
    private final int[] seq = {1_000, 30_000};
    private final int[] pid = {10, 20_000};
    private final int[] tl0 = {0, 100};
    private final int[] keyAt = {0, 0};
    private int frame;

    private static byte[] packet(int seq, long ts, long ssrc, int pid, int tl0, int tid, boolean sync, boolean start,
                                 boolean key, boolean marker, int layer, int frame) {
        byte[] b = new byte[12 + 6 + (start ? 10 : 3) + 2];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | PT);
        RtpWriter.setSequenceNumber(b, 0, seq);
        RtpWriter.setTimestamp(b, 0, ts);
        RtpWriter.setSsrc(b, 0, ssrc);
        b[12] = (byte) (0x80 | (start ? 0x10 : 0));
        b[13] = (byte) 0xE0;
        b[14] = (byte) (0x80 | (pid >>> 8));
        b[15] = (byte) pid;
        b[16] = (byte) tl0;
        b[17] = (byte) (tid << 6 | (sync ? 0x20 : 0));
        b[18] = (byte) (start && key ? 0x00 : 0x01);
        if (start) {
            b[21] = (byte) 0x9D;
            b[22] = 0x01;
            b[23] = 0x2A;
            b[24] = (byte) (layer == 0 ? 160 : 64);
            b[25] = (byte) (layer == 0 ? 0 : 5);
        }
        b[b.length - 2] = (byte) layer;
        b[b.length - 1] = (byte) frame;
        return b;
    }

    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < 2; l++) {
                boolean key = keyAt[l] == frame;
                int tid = key ? 0 : TID[frame % 4];
                if (tid == 0 && frame > 0) {
                    tl0[l] = (tl0[l] + 1) & 0xFF;
                }
                for (int part = 0; part < 2; part++) {
                    track.onRtp(context(packet(seq[l], 5_000L + 2970L * frame, 0x100 + l, pid[l], tl0[l], tid,
                            !key && SYNC[frame % 4], part == 0, key, part == 1, l, frame), frame * FRAME_NANOS), l);
                    seq[l] = (seq[l] + 1) & 0xFFFF;
                }
                pid[l] = (pid[l] + 1) & 0x7FFF;
            }
            frame++;
        }
        out.drain();
    }

    private static RtpHeader header(byte[] b) {
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(b, 0, b.length)).isTrue();
        return h;
    }

    @Test
    void aLayerBeingLeftIsThinnedToItsBaseTemporalLayerUntilTheLowerKeyframe() {
        sub.setTargetLayer(1, 0);
        sub.bind(track, 0);
        frames(8);
        int mark = out.sent.size();
        keyAt[0] = frame + 9; // the lower layer's keyframe comes 9 frames after the request
        sub.setTargetLayer(0, frame * FRAME_NANOS);
        frames(12);
        List<String> sent = new ArrayList<>();
        for (int i = mark; i < out.sent.size(); i += 2) {
            byte[] b = out.sent.get(i);
            sent.add(b[b.length - 2] + ":" + b[b.length - 1]);
        }
        // frames 8..16 of f: only its TID 0 frames (8, 12, 16); from 17 (q's keyframe) q whole
        assertThat(sent).containsExactly("1:8", "1:12", "1:16", "0:17", "0:18", "0:19");
        assertThat(sub.currentLayer()).isZero();
        Vp8Descriptor d = new Vp8Descriptor();
        for (int i = 1; i < out.sent.size(); i++) {
            byte[] prev = out.sent.get(i - 1);
            byte[] cur = out.sent.get(i);
            assertThat(header(cur).sequenceNumber()).as("packet %d", i)
                    .isEqualTo((header(prev).sequenceNumber() + 1) & 0xFFFF);
            assertThat(d.parse(cur, 12, cur.length - 12)).isTrue();
            int p1 = d.pictureId();
            assertThat(d.parse(prev, 12, prev.length - 12)).isTrue();
            int dPid = (p1 - d.pictureId()) & 0x7FFF;
            assertThat(dPid).as("packet %d: picture ids step by one per frame", i).isEqualTo(i % 2 == 0 ? 1 : 0);
        }
    }
}
