package dev.onair.server.e2e;

import static dev.onair.server.e2e.AdminHttp.num;
import static dev.onair.server.e2e.AdminHttp.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, feedback towards publishers, in Chromium: two WHIP publishers at once, one with a 200 kbit/s cap on its
 * uplink (set through the admin API), one without. With transport-cc negotiated Chromium's send-side estimator runs
 * only on our TransportCc feedback: the capped publisher's {@code availableOutgoingBitrate} (candidate pair) must fall
 * below 1.5 × the cap, the free one must be (or ramp up from Chromium's 300 kbit/s start to) above that, and the
 * server must have sent feedback to both.
 */
class PublisherFeedbackBrowserTest {
    static final long CAP_BPS = 200_000;
    static final long THRESHOLD_BPS = CAP_BPS * 3 / 2;
    static final Duration SETTLE = Duration.ofSeconds(20);
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void chromiumsEstimatorFollowsOurFeedbackDownToTheCapAndStaysUpWithout() throws Exception {
        try (Browser capped = new Browser(); Browser free = new Browser()) {
            capped.open(SERVER.base() + "/publish.html?autostart=1&codec=vp8&room=twcc-cap");
            free.open(SERVER.base() + "/publish.html?autostart=1&codec=vp8&room=twcc-free");
            JsonNode cappedSession = ServerStatus.awaitSession(SERVER.base(), "twcc-cap", "publish", Duration.ofSeconds(15),
                    s -> "connected".equals(s.path("state").asText()));
            JsonNode freeSession = ServerStatus.awaitSession(SERVER.base(), "twcc-free", "publish", Duration.ofSeconds(15),
                    s -> "connected".equals(s.path("state").asText()));
            String identity = cappedSession.path("identity").asText();
            AdminHttp.impair(SERVER, "twcc-cap", identity, "up", "name: cap\\nbase: {rateBps: " + CAP_BPS
                    + ", queueMillis: 300}", 1);

            long[] lowest = {Long.MAX_VALUE};
            Map<?, ?> cappedStats = Poll.until(SETTLE, () -> outbound(capped), s -> {
                lowest[0] = Math.min(lowest[0], available(s));
                return available(s) > 0 && available(s) < THRESHOLD_BPS;
            });
            Map<?, ?> freeStats = Poll.until(Duration.ofSeconds(15), () -> outbound(free),
                    s -> available(s) > THRESHOLD_BPS);
            System.out.printf("PublisherFeedbackBrowserTest: capped %d bit/s (lowest %d, target %d, sent %d),"
                            + " free %d bit/s (target %d, sent %d), cap %d%n", available(cappedStats), lowest[0],
                    num(cappedStats, "targetBitrate"), num(cappedStats, "bytesSent") * 8, available(freeStats),
                    num(freeStats, "targetBitrate"), num(freeStats, "bytesSent") * 8, CAP_BPS);

            assertThat(available(cappedStats)).as("capped publisher's estimate: %s", cappedStats)
                    .isPositive().isLessThan(THRESHOLD_BPS);
            assertThat(available(freeStats)).as("free publisher's estimate: %s", freeStats)
                    .isGreaterThan(THRESHOLD_BPS);
            // The report's per-second samples count feedback; a fast run may end before the next sample is taken.
            assertThat(Poll.until(Duration.ofSeconds(10), () -> feedbackSent(cappedSession), n -> n > 0))
                    .as("feedback to the capped publisher").isPositive();
            assertThat(Poll.until(Duration.ofSeconds(10), () -> feedbackSent(freeSession), n -> n > 0))
                    .as("feedback to the free publisher").isPositive();
        }
    }

    private static long available(Map<?, ?> s) {
        return num(s, "availableOutgoingBitrate");
    }

    /** The publisher's candidate-pair estimate and its video outbound-rtp targetBitrate and bytesSent. */
    private static Map<?, ?> outbound(Browser publisher) {
        Object r = publisher.async("const done = arguments[arguments.length - 1];"
                + "const s = window.onair && window.onair.session;"
                + "if (!s) { done({}); return; }"
                + "s.pc.getStats().then(stats => { const out = {availableOutgoingBitrate: 0, targetBitrate: 0,"
                + " bytesSent: 0};"
                + " stats.forEach(r => {"
                + "  if (r.type === 'candidate-pair' && r.nominated && r.availableOutgoingBitrate)"
                + "   out.availableOutgoingBitrate = r.availableOutgoingBitrate;"
                + "  if (r.type === 'outbound-rtp' && r.kind === 'video') {"
                + "   out.targetBitrate = r.targetBitrate || 0; out.bytesSent = r.bytesSent || 0; } });"
                + " done(out); }, e => done({error: String(e)}));");
        return r instanceof Map<?, ?> m ? m : Map.of();
    }

    /** Sum of {@code transportFeedbackSent} over the publisher session's telemetry samples. */
    private static long feedbackSent(JsonNode session) {
        JsonNode report = read(admin("GET", "/api/v1/sessions/" + session.path("resourceId").asText() + "/report",
                null));
        long sum = 0;
        for (JsonNode s : report.path("samples")) {
            sum += s.path("transportFeedbackSent").asLong();
        }
        return sum;
    }

    private static HttpResponse<String> admin(String method, String path, String json) {
        return AdminHttp.send(SERVER, method, path, json);
    }
}
