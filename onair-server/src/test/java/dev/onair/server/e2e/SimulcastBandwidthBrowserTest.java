package dev.onair.server.e2e;

import static dev.onair.server.e2e.AdminHttp.num;
import static dev.onair.server.e2e.AdminHttp.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.testing.Poll;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, simulcast and bandwidth estimation towards a subscriber, in Chromium: a WHIP publisher sends 720p as three
 * simulcast layers, a WHEP player plays it, and the network lab caps the player's downlink.
 * <ul>
 *   <li>a cap at 60 % of what the player receives of the top layer: the player receives a lower layer within 10 s
 *       (the target is 5 s, measured at 1 Mbit/s by {@code bench/quality});
 *       the server's queueing delay stays bounded; lifted, the top layer returns within 30 s (target 15 s).</li>
 *   <li>250 kbit/s: video drops to the lowest layer (the fake camera's ~145 kbit/s plus audio fits; on a narrower
 *       link part of its frame rate: its VP8 temporal layers, see {@code TemporalLayerForwardingTest}) or is paused,
 *       and the player keeps decoding it; at 60 kbit/s nothing of it fits and the report says audio-only, while audio
 *       keeps arriving; lifted, video resumes.</li>
 * </ul>
 * The bounds are looser than the benchmark's targets so that a busy 2-core CI machine cannot make them flake; a
 * regression (no estimate, no layer switch, no pause) still fails.
 */
class SimulcastBandwidthBrowserTest {
    static final String CAP_250K = "name: cap250k\\nbase: {rateKbps: 250, queueMillis: 100}";
    static final String CAP_60K = "name: cap60k\\nbase: {rateKbps: 60, queueMillis: 200}";
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void aCappedPlayerGetsALowerLayerThenTheTopOneBackAndOnlyAudioWhenVeryNarrow() throws Exception {
        String room = "simulcast-e2e";
        try (Browser publisher = new Browser(); Browser player = new Browser()) {
            publisher.open(SERVER.base() + "/publish.html?autostart=1&codec=vp8&simulcast=1&width=1280&height=720&room="
                    + room);
            player.open(SERVER.base() + "/play.html?autostart=1&room=" + room);
            Map<?, ?> top = Poll.until(Duration.ofSeconds(30), player::pageStats, s -> num(s, "frameWidth") >= 1280);
            String identity = ServerStatus.awaitSession(SERVER.base(), room, "subscribe").path("identity").asText();
            String resource = ServerStatus.awaitSession(SERVER.base(), room, "subscribe").path("resourceId").asText();
            assertThat(num(top, "frameWidth")).as("the player first gets the top layer: %s; publisher %s; congestion %s",
                    top, publisher.pageStats(), report(resource).path("congestion")).isGreaterThanOrEqualTo(1280);

            // Chromium's fake camera is easy to encode: its top layer may need well under 1 Mbit/s, so the cap is set
            // below what the player actually receives (60 %, at least 250 kbit/s), which is what "narrower than the top
            // layer" means; bench/quality runs the literal 1 Mbit/s scenario.
            Map<?, ?> rateFrom = player.pageStats();
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // a measured interval of the live stream
            Map<?, ?> rateTo = player.pageStats();
            long topBps = (num(rateTo, "bytesReceived") - num(rateFrom, "bytesReceived")) * 8 / 3;
            long capKbps = Math.max(250, topBps * 6 / 10 / 1000);
            Map<?, ?> before = Poll.until(Duration.ofSeconds(20), player::pageStats, s -> num(s, "frameWidth") >= 1280);
            assertThat(num(before, "frameWidth")).as("on the top layer when the cap starts").isGreaterThanOrEqualTo(1280);
            AdminHttp.impair(SERVER, room, identity, "down",
                    "name: cap\\nbase: {rateKbps: " + capKbps + ", queueMillis: 100}", 3);
            long capped = System.nanoTime();
            Map<?, ?> lower = Poll.until(Duration.ofSeconds(10), player::pageStats,
                    s -> num(s, "frameWidth") > 0 && num(s, "frameWidth") < 1280);
            double downSeconds = (System.nanoTime() - capped) / 1e9;
            JsonNode report = report(resource);
            System.out.println("SimulcastBandwidthBrowserTest: top layer stream " + topBps + " bit/s, cap " + capKbps
                    + " kbit/s; switches " + report.path("layerSwitches"));
            assertThat(num(lower, "frameWidth")).as("a lower layer under %d kbit/s: %s", capKbps, lower)
                    .isLessThan(1280);
            // The report samples once a second: the sample that shows the estimate under the cap may come later.
            JsonNode last = Poll.until(Duration.ofSeconds(5), () -> lastCongestion(resource),
                    c -> c != null && c.path("estimateBps").asLong() < capKbps * 1000 * 13 / 10);
            assertThat(last).as("congestion samples in the report").isNotNull();
            assertThat(last.path("estimateBps").asLong()).as("estimate near the cap: %s", last)
                    .isLessThan(capKbps * 1000 * 13 / 10);
            report = report(resource);
            assertThat(report.path("layerSwitches").size()).as("layer switches recorded").isPositive();
            double maxQueueDelay = 0;
            for (JsonNode c : report.path("congestion")) {
                maxQueueDelay = Math.max(maxQueueDelay, c.path("queueDelayMaxMillis").asDouble());
            }
            assertThat(maxQueueDelay).as("server-side queueing delay stays bounded").isLessThan(400);

            AdminHttp.clearImpairment(SERVER, room, identity);
            long lifted = System.nanoTime();
            Map<?, ?> back = Poll.until(Duration.ofSeconds(30), player::pageStats, s -> num(s, "frameWidth") >= 1280);
            double upSeconds = (System.nanoTime() - lifted) / 1e9;
            assertThat(num(back, "frameWidth")).as("the top layer returns after the cap lifts: %s",
                    report(resource).path("congestion")).isGreaterThanOrEqualTo(1280);

            AdminHttp.impair(SERVER, room, identity, "down", CAP_250K, 3);
            JsonNode narrow = Poll.until(Duration.ofSeconds(30), () -> lastCongestion(resource),
                    c -> c != null && (c.path("audioOnly").asBoolean() || onLowestLayer(c)));
            System.out.println("SimulcastBandwidthBrowserTest: at 250 kbit/s " + narrow);
            assertThat(narrow.path("audioOnly").asBoolean() || onLowestLayer(narrow))
                    .as("at 250 kbit/s video is at the lowest layer, or paused: %s", narrow)
                    .isTrue();
            if (!narrow.path("audioOnly").asBoolean()) {
                // After the step down (and, when the allocator thins it, with frames of the upper temporal layers left
                // out, sequence numbers and picture ids kept consecutive: a gap in either would stall Chromium's VP8
                // reference finder) the player goes on decoding.
                Map<?, ?> thinFrom = player.pageStats();
                Map<?, ?> thin = Poll.until(Duration.ofSeconds(20), player::pageStats,
                        st -> num(st, "framesDecoded") > num(thinFrom, "framesDecoded") + 10);
                assertThat(num(thin, "framesDecoded") - num(thinFrom, "framesDecoded"))
                        .as("the player decodes the lowest layer: %s", thin).isGreaterThan(10);
            }
            AdminHttp.impair(SERVER, room, identity, "down", CAP_60K, 3);
            JsonNode audioOnly = Poll.until(Duration.ofSeconds(20), () -> lastCongestion(resource),
                    c -> c != null && c.path("audioOnly").asBoolean());
            assertThat(audioOnly.path("audioOnly").asBoolean()).as("video paused at 60 kbit/s: %s", audioOnly).isTrue();
            Map<?, ?> pausedFrom = player.pageStats();
            Map<?, ?> pausedTo = Poll.until(Duration.ofSeconds(5), player::pageStats,
                    s -> num(s, "audioPacketsReceived") > num(pausedFrom, "audioPacketsReceived") + 100);
            assertThat(num(pausedTo, "audioPacketsReceived") - num(pausedFrom, "audioPacketsReceived"))
                    .as("audio keeps playing while video is paused").isGreaterThan(100);

            AdminHttp.clearImpairment(SERVER, room, identity);
            Map<?, ?> resumedFrom = player.pageStats();
            Map<?, ?> resumed = Poll.until(Duration.ofSeconds(30), player::pageStats,
                    s -> num(s, "framesDecoded") > num(resumedFrom, "framesDecoded") + 30);
            assertThat(num(resumed, "framesDecoded") - num(resumedFrom, "framesDecoded"))
                    .as("video resumes after the cap lifts: %s", report(resource).path("congestion")).isGreaterThan(30);
            System.out.printf("SimulcastBandwidthBrowserTest: lower layer after %.1f s (%s px), top layer back after"
                    + " %.1f s, queue delay max %.0f ms, estimate under the cap %d bit/s%n", downSeconds,
                    num(lower, "frameWidth"), upSeconds, maxQueueDelay, last.path("estimateBps").asLong());
        }
    }

    /** The video track is on its lowest layer and aimed at it (any of its temporal layers). */
    private static boolean onLowestLayer(JsonNode congestion) {
        for (JsonNode t : congestion.path("tracks")) {
            if (t.path("targetLayer").asInt(-1) == 0 && t.path("layer").asInt(-1) == 0) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode lastCongestion(String resource) {
        JsonNode c = report(resource).path("congestion");
        return c.size() == 0 ? null : c.get(c.size() - 1);
    }

    private static JsonNode report(String resource) {
        return read(AdminHttp.send(SERVER, "GET", "/api/v1/sessions/" + resource + "/report", null));
    }
}
