package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.testing.Poll;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.ControlRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, simulcast in Chromium (one page, two onair.js rooms): the SDK publishes its 1280x720 fake camera as three
 * simulcast layers and Chromium accepts our answer (three outbound-rtp video streams, rids q/h/f; q at 320 and h at
 * 640 px wide). Automatic dynacast end to end: the subscriber's SDK reports the size its {@code <video>} is shown at
 * ({@code track_view}, seen in its flight recorder); shrunk to 160x120 the SFU switches it down to q and its once-a-second
 * dynacast tick tells the publisher's SDK to send q alone (h and f {@code active:false}, they stop, q goes on);
 * enlarged to 1280x720 the tick asks for all three again, they resume and the subscriber is switched back up to f.
 * Each switch is invisible to the subscriber's Chromium: its inbound {@code packetsLost} does not move (a sequence gap
 * left by the rewriter would: checked by breaking the rewriter's offset by 5, which gives +5), frames go on being
 * decoded, and {@code frameWidth} follows the layer. A WHIP publisher ({@code publish.html?simulcast=1}) may offer the
 * same three layers.
 */
class SimulcastBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Until bob gets the top layer: Chromium's estimate must allow f and the SFU's towards bob must too. */
    private static final Duration TOP_WAIT = Duration.ofSeconds(40);
    private static final String ROOM = "simulcast";
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void threeLayersSendAndDynacastStopsTheUnwatchedOne() throws Exception {
        try (Browser browser = new Browser()) {
            HarnessPage page = new HarnessPage(browser, SERVER.base());
            page.join("alice", new HarnessPage.Join(ROOM, "alice", "conference", "publish,subscribe", true, false),
                    Map.of("video", Map.of("width", 1280, "height", 720, "frameRate", 15), "simulcast", true));
            String sid = Poll.until(WAIT, () -> (String) page.invoke("localSid", "alice", "camera").get("sid"),
                    s -> s != null);
            assertThat(sid).as("alice's camera sid").isNotNull();
            page.join("bob", new HarnessPage.Join(ROOM, "bob", "conference", "subscribe", false, false));
            // Dynacast follows what views need: bob's video is shown large enough for the top layer, so the server
            // keeps all three layers on (the harness's default 160x120 would need only q).
            List<Map<?, ?>> bobsVideos = Poll.until(WAIT, () -> page.videos("bob"),
                    v -> v.stream().anyMatch(m -> "alice".equals(m.get("identity"))));
            assertThat(bobsVideos).as("bob shows alice").anyMatch(m -> "alice".equals(m.get("identity")));
            long dpr = num(page.invoke("resizeVideos", "bob", "alice", 1280, 720), "devicePixelRatio");

            // Three layers negotiated; q and h send at once, f as soon as Chromium's estimate allows it (it holds f
            // back with qualityLimitationReason "bandwidth" until then).
            Map<String, Map<?, ?>> layers = Poll.until(WAIT, () -> layers(page),
                    l -> l.keySet().containsAll(List.of("q", "h", "f")) && num(l.get("q"), "bytesSent") > 10_000
                            && num(l.get("h"), "bytesSent") > 10_000);
            System.out.printf("SimulcastBrowserTest: layers %s%n", layers);
            assertThat(layers.keySet()).as("%s", layers).containsExactlyInAnyOrder("q", "h", "f");
            assertThat(num(layers.get("q"), "frameWidth")).isEqualTo(320);
            assertThat(num(layers.get("h"), "frameWidth")).isEqualTo(640);

            // Bob gets the top layer once f sends and the server's estimate towards him allows it.
            Map<?, ?> onTop = Poll.until(TOP_WAIT, () -> bobIn(page), v -> num(v, "frameWidth") == 1280
                    && num(v, "framesDecoded") > 0);
            System.out.printf("SimulcastBrowserTest: bob on f %s, switches %s%n", onTop, switches());
            assertThat(num(onTop, "frameWidth")).as("bob decodes f: %s", onTop).isEqualTo(1280);
            int large = (int) ((1280 * dpr) << 16 | (720 * dpr));
            assertThat(Poll.until(WAIT, () -> views("bob"), v -> v.contains(large))).as("the view size reaches the SFU")
                    .contains(large);

            // Shrunk to 160x120 CSS px: the SFU switches bob down to q, then the dynacast tick tells alice's SDK that
            // nobody needs h or f; it sets them active:false and they stop while q goes on.
            page.invoke("resizeVideos", "bob", "alice", 160, 120);
            int small = (int) ((160 * dpr) << 16 | (120 * dpr));
            assertThat(Poll.until(WAIT, () -> views("bob"), v -> v.contains(small))).contains(small);
            Map<?, ?> active = Poll.until(WAIT, () -> active(page),
                    a -> Boolean.FALSE.equals(a.get("h")) && Boolean.FALSE.equals(a.get("f")));
            assertThat(List.of(active.get("q"), active.get("h"), active.get("f"))).as("active flags %s", active)
                    .containsExactly(true, false, false);
            // Frames encoded before the switch may still be queued in Chromium's pacer: start once h and f stand still
            // over two reads 200 ms apart.
            long[] last = {-1, -1};
            Map<String, Map<?, ?>> before = Poll.until(WAIT, Duration.ofMillis(200), () -> layers(page), l -> {
                boolean still = bytes(l, "h") == last[0] && bytes(l, "f") == last[1];
                last[0] = bytes(l, "h");
                last[1] = bytes(l, "f");
                return still;
            });
            Map<String, Map<?, ?>> after = Poll.until(WAIT, () -> layers(page),
                    l -> bytes(l, "q") > bytes(before, "q") + 20_000);
            System.out.printf("SimulcastBrowserTest: after the view shrank: %s%n", after);
            assertThat(bytes(after, "q")).as("q goes on").isGreaterThan(bytes(before, "q") + 20_000);
            assertThat(bytes(after, "h") - bytes(before, "h")).as("h stopped").isLessThan(5_000);
            assertThat(bytes(after, "f") - bytes(before, "f")).as("f stopped").isLessThan(5_000);
            Map<?, ?> onQ = Poll.until(WAIT, () -> bobIn(page), v -> num(v, "frameWidth") == 320
                    && num(v, "framesDecoded") > num(onTop, "framesDecoded") + 15);
            assertSwitchInvisible("f -> q", onTop, onQ, 320);
            assertThat(switches()).as("the SFU switched bob down to q")
                    .anyMatch(sw -> "spatial".equals(sw.dimension()) && sw.fromLayer() > 0 && sw.toLayer() == 0);

            // Enlarged to 1280x720 again: the tick asks for all three, alice's SDK turns h and f back on, they send,
            // and bob switches back up to f.
            page.invoke("resizeVideos", "bob", "alice", 1280, 720);
            Map<?, ?> reactivated = Poll.until(WAIT, () -> active(page),
                    a -> Boolean.TRUE.equals(a.get("h")) && Boolean.TRUE.equals(a.get("f")));
            assertThat(List.of(reactivated.get("q"), reactivated.get("h"), reactivated.get("f")))
                    .as("active flags %s", reactivated).containsExactly(true, true, true);
            Map<String, Map<?, ?>> resumed = Poll.until(WAIT, () -> layers(page),
                    l -> bytes(l, "h") > bytes(after, "h") + 10_000 && bytes(l, "f") > bytes(after, "f") + 10_000);
            System.out.printf("SimulcastBrowserTest: after the view grew: %s%n", resumed);
            assertThat(bytes(resumed, "h")).as("h resumed").isGreaterThan(bytes(after, "h") + 10_000);
            assertThat(bytes(resumed, "f")).as("f resumed").isGreaterThan(bytes(after, "f") + 10_000);
            Map<?, ?> backOnTop = Poll.until(TOP_WAIT, () -> bobIn(page), v -> num(v, "frameWidth") == 1280
                    && num(v, "framesDecoded") > num(onQ, "framesDecoded") + 15);
            assertSwitchInvisible("q -> f", onQ, backOnTop, 1280);
            assertThat(switches()).as("the SFU switched bob from q up to f")
                    .anyMatch(sw -> "spatial".equals(sw.dimension()) && sw.fromLayer() == 0 && sw.toLayer() > 0);
            System.out.printf("SimulcastBrowserTest: bob %s, switches %s%n", backOnTop, switches());
            // Each switch up asked alice for a keyframe of the new layer: her session report counts them.
            long sent = keyframeCount("alice", SessionReport.TrackSample::keyframeRequestsSent);
            long received = keyframeCount("alice", SessionReport.TrackSample::keyframesReceived);
            System.out.printf("SimulcastBrowserTest: alice's keyframes: requested %d, sent %d, retries %d, received %d%n",
                    keyframeCount("alice", SessionReport.TrackSample::keyframesRequested), sent,
                    keyframeCount("alice", SessionReport.TrackSample::keyframeRetries), received);
            assertThat(sent).as("keyframe requests sent to alice").isPositive();
            assertThat(received).as("keyframes received from alice").isPositive();
        }
    }

    /**
     * Bob's inbound video over a switch window: no packet lost (a sequence gap left by the rewriter is counted lost
     * by Chromium and never repaired: the gap's numbers were never sent), frames decoded on, the new layer's width.
     */
    private static void assertSwitchInvisible(String what, Map<?, ?> before, Map<?, ?> after, long width) {
        System.out.printf("SimulcastBrowserTest: %s: packetsLost +%d, nackCount +%d, pliCount +%d, framesDecoded +%d,"
                        + " framesDropped +%d, width %d%n", what, AdminHttp.delta(before, after, "packetsLost"),
                AdminHttp.delta(before, after, "nackCount"), AdminHttp.delta(before, after, "pliCount"),
                AdminHttp.delta(before, after, "framesDecoded"), AdminHttp.delta(before, after, "framesDropped"),
                num(after, "frameWidth"));
        assertThat(AdminHttp.delta(before, after, "packetsLost")).as("%s: packets lost at the switch", what)
                .isLessThanOrEqualTo(2);
        assertThat(AdminHttp.delta(before, after, "packetsReceived")).as("%s: packets received", what).isPositive();
        assertThat(AdminHttp.delta(before, after, "framesDecoded")).as("%s: frames decoded", what).isGreaterThan(15);
        assertThat(num(after, "frameWidth")).as("%s: the decoded width follows the layer", what).isEqualTo(width);
    }

    /** Bob's inbound video of alice (empty before it exists). */
    private static Map<?, ?> bobIn(HarnessPage page) {
        return page.invoke("inboundVideo", "bob", "alice");
    }

    /** Alice's video encodings' active flags by rid. */
    private static Map<?, ?> active(HarnessPage page) {
        return (Map<?, ?>) page.invoke("outboundLayers", "alice").get("active");
    }

    /** The sum of one count over the samples of the video tracks of {@code identity}'s publisher session report. */
    private static long keyframeCount(String identity, Function<SessionReport.TrackSample, Long> count) {
        try {
            for (MediaStatus.SessionInfo s : SERVER.server().media().status().sessions()) {
                if (ROOM.equals(s.room()) && identity.equals(s.identity()) && "publish".equals(s.kind())) {
                    return SERVER.server().media().report(s.resourceId()).get(5, TimeUnit.SECONDS).tracks().stream()
                            .filter(t -> "video".equals(t.kind())).flatMap(t -> t.samples().stream()).map(count)
                            .filter(n -> n != null).mapToLong(Long::longValue).sum();
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    /** The layer switches in bob's subscriber session report (empty before it exists). */
    private static List<SessionReport.LayerSwitch> switches() {
        try {
            for (MediaStatus.SessionInfo s : SERVER.server().media().status().sessions()) {
                if (ROOM.equals(s.room()) && "bob".equals(s.identity()) && "subscribe".equals(s.kind())) {
                    return SERVER.server().media().report(s.resourceId()).get(5, TimeUnit.SECONDS).layerSwitches();
                }
            }
        } catch (Exception e) {
            return List.of();
        }
        return List.of();
    }

    @Test
    void aWhipPublisherMayOfferSimulcastToo() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(SERVER.base() + "/publish.html?autostart=1&simulcast=1&room=simulcast-whip");
            Map<String, Map<?, ?>> layers = Poll.until(WAIT, () -> whipLayers(browser),
                    l -> l.keySet().containsAll(List.of("q", "h", "f")) && bytes(l, "q") > 10_000
                            && bytes(l, "h") > 10_000);
            System.out.printf("SimulcastBrowserTest: WHIP layers %s%n", layers);
            assertThat(layers.keySet()).as("%s", layers).containsExactlyInAnyOrder("q", "h", "f");
            assertThat(bytes(layers, "q")).isGreaterThan(10_000);
            assertThat(bytes(layers, "h")).isGreaterThan(10_000);
        }
    }

    /** The WHIP publisher page's video outbound-rtp by rid. */
    private static Map<String, Map<?, ?>> whipLayers(Browser browser) {
        Object r = browser.async("const done = arguments[arguments.length - 1];"
                + "const s = window.onair && window.onair.session;"
                + "if (!s) { done([]); return; }"
                + "s.pc.getStats().then(stats => { const out = []; stats.forEach(r => {"
                + " if (r.type === 'outbound-rtp' && r.kind === 'video') out.push({rid: r.rid || null,"
                + " bytesSent: r.bytesSent || 0}); }); done(out); }, e => done([]));");
        Map<String, Map<?, ?>> out = new HashMap<>();
        if (r instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("rid") != null) {
                    out.put(m.get("rid").toString(), m);
                }
            }
        }
        return out;
    }

    private static long bytes(Map<String, Map<?, ?>> layers, String rid) {
        return num(layers.get(rid), "bytesSent");
    }

    /** The publisher's video outbound-rtp by rid. */
    private static Map<String, Map<?, ?>> layers(HarnessPage page) {
        Map<String, Map<?, ?>> out = new HashMap<>();
        if (page.invoke("outboundLayers", "alice").get("layers") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("rid") != null) {
                    out.put(m.get("rid").toString(), m);
                }
            }
        }
        return out;
    }

    /** The TRACK_VIEW details in the participant's flight recorder (width << 16 | height). */
    private static List<Integer> views(String identity) {
        try {
            return SERVER.server().media().recording(ROOM, identity).get(5, TimeUnit.SECONDS).controls().stream()
                    .filter(c -> c.kind() == ControlKind.TRACK_VIEW).map(ControlRecord::detail).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static long num(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
