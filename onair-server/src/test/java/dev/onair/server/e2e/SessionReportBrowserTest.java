package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.testing.Poll;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

/**
 * Issue 4: a real browser's {@code getStats()} reaches the session report. Two onair.js rooms in one Chromium
 * (fake camera and microphone): Ann publishes, Bob subscribes; the SDK uploads {@code client_stats} every 2 s.
 * Bob's subscriber session report then has the browser's decoded frame rate on its video track and its
 * audio stats on its audio track, Ann's publisher report the encoded frame rate; and {@code report.html} draws
 * the charts of Bob's session. The page is saved to {@code target/e2e-report/session-report.png}.
 */
class SessionReportBrowserTest {
    static final Path SCREENSHOT = Path.of(System.getProperty("basedir", "."), "target", "e2e-report",
            "session-report.png");
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "report-e2e";
    private static final String[] CHARTS = {"bitrate", "loss", "rtt", "mos", "video"};
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrowsersStatsReachTheReportAndTheReportPageDrawsThem() throws Exception {
        String admin = SERVER.server().tokens().mint(new TokenSpec(ROOM, "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        try (Browser browser = new Browser()) {
            HarnessPage page = new HarnessPage(browser, SERVER.base());
            page.join("ann", HarnessPage.Join.conference(ROOM, "ann"));
            page.join("bob", new HarnessPage.Join(ROOM, "bob", "conference", "subscribe", false, false));

            String subId = Poll.until(WAIT, () -> sessionId("bob", "subscribe"), Objects::nonNull);
            assertThat(subId).as("bob's subscriber session").isNotNull();
            JsonNode sub = Poll.until(WAIT, () -> report(subId, admin),
                    r -> latestClient(r, "video", "framesPerSecond") > 0 && track(r, "audio").path("client").size() > 0);
            assertThat(latestClient(sub, "video", "framesPerSecond")).as("frames decoded per second, from the browser")
                    .isPositive();
            JsonNode audioClient = track(sub, "audio").path("client");
            assertThat(audioClient.size()).as("the browser's audio stats joined by SSRC").isPositive();
            assertThat(audioClient.get(audioClient.size() - 1).path("jitterMillis").isNumber())
                    .as("%s", audioClient).isTrue();
            assertThat(track(sub, "video").path("client").get(0).path("frameWidth").asLong()).isPositive();

            String pubId = sessionId("ann", "publish");
            JsonNode pub = Poll.until(WAIT, () -> report(pubId, admin),
                    r -> latestClient(r, "video", "framesPerSecond") > 0);
            assertThat(latestClient(pub, "video", "framesPerSecond")).as("frames encoded per second").isPositive();

            // Bob's session on the report page, the token in the fragment.
            // ... once it has a MOS, an RTT and an interval of the browser's (loss needs two uploads).
            Poll.until(WAIT, () -> report(subId, admin), r -> hasPoints(r, "audio", "mos") && hasRtt(r)
                    && latestClient(r, "video", "lossPercent") >= 0);
            // In a second tab: navigating the harness tab away would close Bob's session, and the report of a
            // closed session is a 404 (the page's first fetch raced the DTLS close_notify).
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(SERVER.base() + "/report.html?session=" + subId + "#token=" + admin);
            String loaded = Poll.until(WAIT, () -> browser.text("window.onairReport && window.onairReport.state"),
                    "loaded"::equals);
            assertThat(loaded).as("page state, error: %s", browser.text("window.onairReport.error")).isEqualTo("loaded");
            assertThat(browser.text("location.hash")).as("the token leaves the address bar").isEmpty();
            for (String chart : CHARTS) {
                Object points = browser.eval("Math.max(0, ...[...document.querySelectorAll('svg[data-chart=\""
                        + chart + "\"] polyline')].map(p => Number(p.dataset.points)))");
                assertThat(((Number) points).longValue()).as("data points in the %s chart", chart).isPositive();
            }
            assertThat(browser.eval("document.querySelectorAll('svg[data-chart=\"loss\"] polyline[data-source=client]')"
                    + ".length")).as("the browser's loss next to the server's").isNotEqualTo(0L);
            assertThat(browser.eval("document.querySelectorAll('svg[data-chart=\"layers\"] polyline').length"))
                    .as("the layer chart: the video m-line forwarded and target, audio (no layers) left out")
                    .isEqualTo(2L);
            assertThat(browser.eval("document.querySelectorAll('svg[data-chart=\"tier\"] rect[data-tier]').length"))
                    .as("tier timeline blocks").isNotEqualTo(0L);

            browser.eval("document.getElementById('summary').scrollIntoView(), true"); // the charts, not the form
            browser.screenshotFullPage(SCREENSHOT);
            assertThat(Files.size(SCREENSHOT)).as("a PNG at %s", SCREENSHOT).isGreaterThan(1000);
        }
    }

    private String sessionId(String identity, String kind) {
        for (JsonNode s : ServerStatus.get(SERVER.base()).path("sessions")) {
            if (ROOM.equals(s.path("room").asText()) && identity.equals(s.path("identity").asText())
                    && kind.equals(s.path("kind").asText()) && "connected".equals(s.path("state").asText())) {
                return s.path("resourceId").asText();
            }
        }
        return null;
    }

    private JsonNode report(String resourceId, String token) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(SERVER.base() + "/api/v1/sessions/"
                    + resourceId + "/report")).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode track(JsonNode report, String kind) {
        for (JsonNode t : report.path("tracks")) {
            if (kind.equals(t.path("kind").asText())) {
                return t;
            }
        }
        return JSON.missingNode();
    }

    /** The field of the track's newest client sample, -1 when there is none. */
    private static double latestClient(JsonNode report, String kind, String field) {
        if (report == null) {
            return -1;
        }
        JsonNode client = track(report, kind).path("client");
        if (client.size() == 0) {
            return -1;
        }
        JsonNode v = client.get(client.size() - 1).path(field);
        return v.isNumber() ? v.asDouble() : -1;
    }

    private static boolean hasPoints(JsonNode report, String kind, String score) {
        if (report == null) {
            return false;
        }
        for (JsonNode s : track(report, kind).path("scores")) {
            if (s.path(score).isNumber()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRtt(JsonNode report) {
        for (JsonNode t : report.path("tracks")) {
            for (JsonNode s : t.path("samples")) {
                if (s.path("rttMillis").isNumber()) {
                    return true;
                }
            }
        }
        return false;
    }
}
