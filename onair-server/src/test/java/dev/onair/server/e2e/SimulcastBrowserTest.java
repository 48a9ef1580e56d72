package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.testing.Poll;
import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.ControlRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, simulcast signalling in Chromium (one page, two onair.js rooms): the SDK publishes its 1280x720 fake
 * camera as three simulcast layers and Chromium accepts our answer (three outbound-rtp video streams, rids q/h/f; q
 * at 320 and h at 640 px wide sending, f sending or held back only for bandwidth); a dynacast {@code layers} message
 * from the SFU stops the layers nobody watches while the other goes on, and a later one resumes them; and the
 * subscriber's SDK reports the size its {@code <video>} is shown at ({@code track_view}), which
 * reaches its subscriber track (seen in its flight recorder). A WHIP publisher ({@code publish.html?simulcast=1})
 * may offer the same three layers. Only the publisher side of simulcast is checked: the
 * SFU's forwarding of layers is another piece of work.
 */
class SimulcastBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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
            page.join("bob", new HarnessPage.Join(ROOM, "bob", "conference", "subscribe", false, false));
            // Dynacast follows what views need: bob's video is shown large enough for the top layer, so the server
            // keeps all three layers on (the harness's default 160x120 would need only q).
            List<Map<?, ?>> bobsVideos = Poll.until(WAIT, () -> page.videos("bob"),
                    v -> v.stream().anyMatch(m -> "alice".equals(m.get("identity"))));
            assertThat(bobsVideos).as("bob shows alice").anyMatch(m -> "alice".equals(m.get("identity")));
            page.invoke("resizeVideos", "bob", "alice", 1280, 720);

            // Three layers negotiated; q and h send at once, f as soon as Chromium's estimate allows it (it holds f
            // back with qualityLimitationReason "bandwidth" until then: on localhost that can take 40 s).
            Map<String, Map<?, ?>> layers = Poll.until(WAIT, () -> layers(page),
                    l -> l.keySet().containsAll(List.of("q", "h", "f")) && num(l.get("q"), "bytesSent") > 10_000
                            && num(l.get("h"), "bytesSent") > 10_000);
            System.out.printf("SimulcastBrowserTest: layers %s%n", layers);
            assertThat(layers.keySet()).as("%s", layers).containsExactlyInAnyOrder("q", "h", "f");
            assertThat(num(layers.get("q"), "frameWidth")).isEqualTo(320);
            assertThat(num(layers.get("h"), "frameWidth")).isEqualTo(640);
            Map<?, ?> f = layers.get("f");
            assertThat(num(f, "bytesSent") > 0 || "bandwidth".equals(f.get("qualityLimitationReason")))
                    .as("f sends, or waits only for bandwidth: %s", f).isTrue();

            // Dynacast: only q is watched; h stops while q goes on.
            notify(sid, List.of("q"));
            Map<?, ?> active = Poll.until(WAIT, () -> (Map<?, ?>) page.invoke("outboundLayers", "alice").get("active"),
                    a -> Boolean.FALSE.equals(a.get("h")));
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
            System.out.printf("SimulcastBrowserTest: after layers [q]: %s%n", after);
            assertThat(bytes(after, "q")).as("q goes on").isGreaterThan(bytes(before, "q") + 20_000);
            assertThat(bytes(after, "h") - bytes(before, "h")).as("h stopped").isLessThan(5_000);
            assertThat(bytes(after, "f") - bytes(before, "f")).as("f stopped").isLessThan(5_000);

            // Watched again: h resumes.
            notify(sid, List.of("q", "h", "f"));
            Map<String, Map<?, ?>> resumed = Poll.until(WAIT, () -> layers(page),
                    l -> bytes(l, "h") > bytes(after, "h") + 10_000);
            assertThat(bytes(resumed, "h")).as("h resumed").isGreaterThan(bytes(after, "h") + 10_000);

            // The subscriber's <video> (160x120 CSS px in the harness) is reported, then a resize.
            long dpr = num(page.invoke("resizeVideos", "bob", "alice", 160, 120), "devicePixelRatio");
            int small = (int) ((160 * dpr) << 16 | (120 * dpr));
            assertThat(Poll.until(WAIT, () -> views("bob"), v -> v.contains(small))).contains(small);
            page.invoke("resizeVideos", "bob", "alice", 320, 180);
            int large = (int) ((320 * dpr) << 16 | (180 * dpr));
            assertThat(Poll.until(WAIT, () -> views("bob"), v -> v.contains(large))).as("the size after a resize")
                    .contains(large);
        }
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

    private static void notify(String sid, List<String> rids) throws Exception {
        CommandResult r = SERVER.server().media().notifyPublisherLayers(ROOM, "alice", sid, rids)
                .get(5, TimeUnit.SECONDS);
        assertThat(r.isOk()).as("%s", r.reason()).isTrue();
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
