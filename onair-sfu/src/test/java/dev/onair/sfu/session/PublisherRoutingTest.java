package dev.onair.sfu.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.track.PacketContext;
import dev.onair.sfu.track.PacketSink;
import dev.onair.sfu.track.PublishedLayer;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.TrackCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chromium simulcast: three SSRCs on one m-line told apart by rid, first with MID/RID, later without. */
class PublisherRoutingTest {
    private static final int MID_ID = 1;
    private static final int RID_ID = 2;
    private static final int REPAIRED_ID = 3;
    private static final int VP8 = 96;
    private static final int RTX = 97;
    private static final long MS = 1_000_000L;
    private static final Map<String, Integer> EXT = Map.of(
            "urn:ietf:params:rtp-hdrext:sdes:mid", MID_ID,
            "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", RID_ID,
            "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id", REPAIRED_ID);

    private final List<PublishedTrack> tracks = new ArrayList<>();
    private final PublisherRouting routing = new PublisherRouting(tracks);
    private final PublishedTrack audio = new PublishedTrack("pub/0", "0", MediaKind.AUDIO,
            List.of(new TrackCodec("OPUS", 111, 48_000)), EXT, (t, l) -> { });
    private final PublishedTrack video = new PublishedTrack("pub/1", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", VP8, 90_000, RTX)), EXT, (t, l) -> { }, List.of("q", "h", "f"));
    private final List<int[]> delivered = new ArrayList<>(); // {layer, ssrc, seq}

    PublisherRoutingTest() {
        tracks.add(audio);
        tracks.add(video);
        video.enableNacks();
        video.addSink(new PacketSink() {
            @Override
            public void accept(PublishedTrack source, PacketContext p) {
                delivered.add(new int[] {p.layer, (int) p.header.ssrc(), p.header.sequenceNumber()});
            }
        });
    }

    /** RTP with one-byte extension elements (RFC 8285) in the given order, then {@code payload}. */
    private static byte[] rtp(int pt, int seq, long ssrc, Map<Integer, String> ext, byte[] payload) {
        ByteArrayOutputStream elems = new ByteArrayOutputStream();
        for (Map.Entry<Integer, String> e : ext.entrySet()) {
            byte[] v = e.getValue().getBytes(StandardCharsets.US_ASCII);
            elems.write((e.getKey() << 4) | (v.length - 1));
            elems.writeBytes(v);
        }
        while (elems.size() % 4 != 0) {
            elems.write(0);
        }
        boolean x = !ext.isEmpty();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) (x ? 0x90 : 0x80), (byte) pt, (byte) (seq >>> 8), (byte) seq, 0, 0, 0, 1,
            (byte) (ssrc >>> 24), (byte) (ssrc >>> 16), (byte) (ssrc >>> 8), (byte) ssrc});
        if (x) {
            int words = elems.size() / 4;
            b.writeBytes(new byte[] {(byte) 0xBE, (byte) 0xDE, (byte) (words >>> 8), (byte) words});
            b.writeBytes(elems.toByteArray());
        }
        b.writeBytes(payload);
        return b.toByteArray();
    }

    private static Map<Integer, String> ext(Object... idsAndValues) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            m.put((Integer) idsAndValues[i], (String) idsAndValues[i + 1]);
        }
        return m;
    }

    private static final byte[] VP8_DELTA = {0x10, 0x01, 0, 0};

    /** Routes and delivers like {@link PublisherSession#onRtp}; returns the layer or null when dropped. */
    private PublishedLayer send(byte[] packet, long nowNanos) {
        PacketContext p = new PacketContext();
        p.reset(packet, 0, packet.length, nowNanos);
        assertThat(p.header.parse(packet, 0, packet.length)).isTrue();
        PublishedLayer layer = routing.route(p);
        if (layer != null) {
            if (routing.lastWasRtx()) {
                assertThat(layer.track().onRtx(p, layer.index())).isTrue();
            } else {
                layer.track().onRtp(p, layer.index());
            }
        }
        return layer;
    }

    @Test
    void threeSsrcsMapToThreeLayersByRidAndStayMappedWithoutExtensions() {
        long[] ssrcs = {0xAAAA, 0xBBBB, 0xCCCC};
        String[] rids = {"q", "h", "f"};
        for (int l = 2; l >= 0; l--) { // any order
            PublishedLayer got = send(rtp(VP8, 100 + l, ssrcs[l], ext(MID_ID, "1", RID_ID, rids[l]), VP8_DELTA), 0);
            assertThat(got).isSameAs(video.layer(l));
        }
        for (int l = 0; l < 3; l++) {
            assertThat(send(rtp(VP8, 101 + l, ssrcs[l], ext(), VP8_DELTA), MS)).as("after RTCP: no MID/RID")
                    .isSameAs(video.layer(l));
            assertThat(video.layer(l).ssrc()).isEqualTo(ssrcs[l]);
            assertThat(video.layer(l).stats().packetsReceived()).isEqualTo(2);
        }
        assertThat(delivered).extracting(d -> d[0]).containsExactly(2, 1, 0, 0, 1, 2);
        assertThat(routing.layerBySsrc(0xBBBB)).isSameAs(video.layer(1));
        assertThat(send(rtp(111, 1, 0xDDDD, ext(MID_ID, "0"), new byte[] {0x78}), MS)).isSameAs(audio.layer(0));
    }

    @Test
    void anUnknownOrMissingRidIsDroppedAndCounted() {
        assertThat(send(rtp(VP8, 1, 0xEEEE, ext(MID_ID, "1", RID_ID, "x"), VP8_DELTA), 0)).isNull();
        assertThat(routing.lastDrop()).isEqualTo(SessionDrop.UNKNOWN_RID);
        assertThat(send(rtp(VP8, 1, 0xEEEF, ext(MID_ID, "1"), VP8_DELTA), 0)).isNull();
        assertThat(routing.lastDrop()).isEqualTo(SessionDrop.UNKNOWN_RID);
        assertThat(send(rtp(VP8, 1, 0xEEF0, ext(MID_ID, "9", RID_ID, "q"), VP8_DELTA), 0))
                .as("an unknown mid falls back to the payload type only video has").isSameAs(video.layer(0));
        assertThat(delivered).hasSize(1);
    }

    @Test
    void rtxWithRepairedRidUnwrapsOntoItsLayer() {
        send(rtp(VP8, 500, 0xAAAA, ext(MID_ID, "1", RID_ID, "q"), VP8_DELTA), 0);
        send(rtp(VP8, 900, 0xBBBB, ext(MID_ID, "1", RID_ID, "h"), VP8_DELTA), 0);
        send(rtp(VP8, 902, 0xBBBB, ext(), VP8_DELTA), 10 * MS); // 901 missing on layer 1
        byte[] rtxPayload = {(byte) (901 >>> 8), (byte) 901, 0x10, 0x01, 0, 0};
        PublishedLayer got = send(rtp(RTX, 7, 0x1B1B, ext(MID_ID, "1", REPAIRED_ID, "h"), rtxPayload), 20 * MS);
        assertThat(got).isSameAs(video.layer(1));
        assertThat(routing.lastWasRtx()).isTrue();
        int[] last = delivered.get(delivered.size() - 1);
        assertThat(last).containsExactly(1, 0xBBBB, 901);
        assertThat(video.rtxRecovered()).isEqualTo(1);
        assertThat(video.layer(1).nacks().missingCount()).isZero();

        // Later RTX of that SSRC without extensions still lands on layer 1.
        byte[] again = {(byte) (903 >>> 8), (byte) 903, 0x10, 0x01, 0, 0};
        send(rtp(VP8, 904, 0xBBBB, ext(), VP8_DELTA), 30 * MS);
        assertThat(send(rtp(RTX, 8, 0x1B1B, ext(), again), 40 * MS)).isSameAs(video.layer(1));
        assertThat(delivered.get(delivered.size() - 1)).containsExactly(1, 0xBBBB, 903);
    }
}
