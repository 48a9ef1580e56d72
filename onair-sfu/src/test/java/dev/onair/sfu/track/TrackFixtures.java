package dev.onair.sfu.track;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.queue.SubscriberQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic packets and a recording subscriber output for track (and speaker) tests. */
public final class TrackFixtures {
    static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final int OPUS_PT = 111;
    static final long MS = 1_000_000L;

    private TrackFixtures() {
    }

    /** A VP8 packet with a one-byte MID extension (id {@code midId}); keyframe start when {@code keyframe}. */
    static byte[] vp8(int pt, int seq, long ts, long ssrc, int midId, boolean keyframe) {
        byte[] b = new byte[12 + 8 + 4];
        header(b, pt, seq, ts, ssrc, midId, '1'); // mid "1"
        b[20] = 0x10; // VP8 descriptor: S=1, PID=0
        b[21] = (byte) (keyframe ? 0x00 : 0x01); // VP8 payload header: P bit
        b[22] = 0;
        b[23] = 0;
        return b;
    }

    /**
     * The fixed RTP header (V=2) and, when {@code extId} > 0, a one-byte extension block (RFC 8285 §4.2) with
     * one 1-byte element {@code extByte} under {@code extId}, padded to one word.
     */
    private static void header(byte[] b, int pt, int seq, long ts, long ssrc, int extId, int extByte) {
        b[0] = (byte) (extId > 0 ? 0x90 : 0x80); // V=2, X
        b[1] = (byte) pt;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        b[4] = (byte) (ts >>> 24);
        b[5] = (byte) (ts >>> 16);
        b[6] = (byte) (ts >>> 8);
        b[7] = (byte) ts;
        b[8] = (byte) (ssrc >>> 24);
        b[9] = (byte) (ssrc >>> 16);
        b[10] = (byte) (ssrc >>> 8);
        b[11] = (byte) ssrc;
        if (extId > 0) {
            b[12] = (byte) 0xBE; // one-byte extension profile
            b[13] = (byte) 0xDE;
            b[14] = 0; // length: 1 word
            b[15] = 1;
            b[16] = (byte) (extId << 4); // id, L=0 (1 byte)
            b[17] = (byte) extByte;
            b[18] = 0; // padding
            b[19] = 0;
        }
    }

    /**
     * An Opus packet with a one-byte RFC 6464 audio level element (id {@code levelId}, V set when the level is
     * -40 dBov or louder); {@code levelId} 0 leaves the extension out.
     */
    public static byte[] opus(int seq, long ts, long ssrc, int levelId, int levelDbov) {
        boolean ext = levelId > 0;
        byte[] b = new byte[12 + (ext ? 8 : 0) + 1];
        header(b, OPUS_PT, seq, ts, ssrc, levelId, (levelDbov <= 40 ? 0x80 : 0) | (levelDbov & 0x7F)); // V, level
        b[b.length - 1] = 0x78; // Opus TOC byte
        return b;
    }

    /**
     * An RFC 2198 packet (payload type {@code redPt}) with the audio level element under {@code levelId}: one
     * redundant opus block {@code {1, 2}} 960 ticks old, then the primary block {@code primary}, both naming
     * {@code opusPt}.
     */
    public static byte[] red(int redPt, int opusPt, int seq, long ts, long ssrc, int levelId, int levelDbov,
            byte[] primary) {
        byte[] payload = new byte[64];
        int n = dev.onair.protocol.rtp.RedPayload.write(payload, 0, new int[] {opusPt}, new int[] {960},
                new byte[][] {{1, 2}}, opusPt, primary);
        byte[] b = new byte[12 + 8 + n];
        header(b, redPt, seq, ts, ssrc, levelId, (levelDbov <= 40 ? 0x80 : 0) | (levelDbov & 0x7F));
        System.arraycopy(payload, 0, b, 20, n);
        return b;
    }

    /** An Opus track; {@code levelId} 0 means the audio level extension was not negotiated. */
    public static PublishedTrack audioTrack(String id, int levelId) {
        Map<String, Integer> ext = levelId > 0 ? Map.of(AUDIO_LEVEL_URI, levelId) : Map.of();
        return new PublishedTrack(id, "0", MediaKind.AUDIO, List.of(new TrackCodec("OPUS", OPUS_PT, 48_000)), ext,
                (t, l) -> { });
    }

    static PublishedTrack videoTrack(int pt, int midId, List<String> keyframeRequests) {
        return new PublishedTrack("pub/1", "1", MediaKind.VIDEO, List.of(new TrackCodec("VP8", pt, 90_000)),
                Map.of(MID_URI, midId), (t, l) -> keyframeRequests.add(t.id()));
    }

    public static PacketContext context(byte[] packet, long arrivalNanos) {
        PacketContext p = new PacketContext();
        p.reset(packet, 0, packet.length, arrivalNanos);
        if (!p.header.parse(packet, 0, packet.length)) {
            throw new IllegalArgumentException("bad fixture packet: " + p.header.dropReason());
        }
        return p;
    }

    /** A subscriber output that keeps copies of what it "sent" when drained. */
    static final class Recorder implements SubscriberOutput {
        final SubscriberQueue queue;
        final List<byte[]> sent = new ArrayList<>();

        Recorder(int capacity) {
            queue = new SubscriberQueue(capacity);
        }

        @Override
        public SubscriberQueue queue() {
            return queue;
        }

        @Override
        public void onEnqueued() {
        }

        void drain() {
            while (!queue.isEmpty()) {
                byte[] copy = java.util.Arrays.copyOf(queue.headData(), queue.headLength());
                ((SubscriberTrack) queue.headOwner()).onSent(queue.headPayloadLength());
                sent.add(copy);
                queue.pop();
            }
        }
    }
}
