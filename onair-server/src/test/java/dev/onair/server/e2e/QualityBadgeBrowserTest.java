package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.testing.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Issue 4: the demo app's quality badge and network menu. Ann (a dev token with {@code lab}, {@code ?lab=1}) and
 * Bob (without) join with media; only Ann sees the Network menu; she picks {@code 3g} with seed 42 from it; the
 * server's impairment status shows that preset and seed, and Ann's tile shows a connection tier both in her tab and
 * in Bob's. Ann's view, menu open, is saved to {@code target/e2e-report/quality-badge.png}.
 */
class QualityBadgeBrowserTest {
    static final Path SCREENSHOT = Path.of(System.getProperty("basedir", "."), "target", "e2e-report",
            "quality-badge.png");
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Set<String> TIERS = Set.of("excellent", "good", "poor", "lost");
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void annPicks3gFromTheNetworkMenuAndHerBadgeShowsATierInBothTabs() throws Exception {
        try (Browser ann = new Browser(); Browser bob = new Browser()) {
            ann.open(SERVER.base() + "/?room=demo-q&name=Ann&mode=conference&autojoin=1&lab=1");
            bob.open(SERVER.base() + "/?room=demo-q&name=Bob&mode=conference&autojoin=1");
            for (Browser b : List.of(ann, bob)) {
                String published = Poll.until(TIMEOUT, () -> b.text("(() => { const lp = window.onairRoom"
                        + " && window.onairRoom.localParticipant; return !!lp && ['camera', 'microphone'].every(s =>"
                        + " lp.getTrackPublication(s) && lp.getTrackPublication(s).sid); })()"), "true"::equals);
                assertThat(published).as("camera and microphone published").isEqualTo("true");
            }
            String annId = ann.text("window.onairRoom.localParticipant.identity");
            assertThat(ann.text("document.querySelector('#network-anchor').hidden")).isEqualTo("false");
            assertThat(bob.text("document.querySelector('#network-anchor').hidden")).as("no lab, no menu")
                    .isEqualTo("true");

            ann.driver().findElement(By.id("btn-network")).click();
            assertThat(ann.text("document.querySelector('#network-menu').hidden")).isEqualTo("false");
            assertThat(ann.text("[...document.querySelectorAll('#network-preset option')].map(o => o.value)"))
                    .contains("3g").startsWith(",");
            ann.eval("(() => { const s = document.querySelector('#network-preset'); s.value = '3g';"
                    + " s.dispatchEvent(new Event('change')); return s.value; })()");
            ann.driver().findElement(By.id("network-seed")).sendKeys("42");
            ann.driver().findElement(By.id("network-apply")).click();
            String status = Poll.until(TIMEOUT, () -> ann.text("document.querySelector('#network-status').textContent"),
                    t -> t.contains("3g"));
            assertThat(status).isEqualTo("Applied: 3g · seed 42 · both");

            JsonNode server = impairment("demo-q", annId);
            assertThat(server.path("enabled").asBoolean()).as("%s", server).isTrue();
            assertThat(server.path("preset").asText()).isEqualTo("3g");
            assertThat(server.path("seed").asLong()).isEqualTo(42);

            String badge = ".tile[data-identity=\"" + annId + "\"] .quality";
            for (Browser b : List.of(ann, bob)) {
                String tier = Poll.until(TIMEOUT, () -> b.text("(() => { const q = document.querySelector('" + badge
                        + "'); return q && !q.hidden ? q.dataset.tier : ''; })()"), TIERS::contains);
                assertThat(TIERS).as("Ann's badge shows a tier").contains(tier);
                assertThat(b.text("document.querySelector('" + badge + "').getAttribute('aria-label')"))
                        .as("an accessible label").contains("connection");
                assertThat(b.text("document.querySelector('" + badge + "').textContent")).isNotBlank();
            }

            ann.screenshot(SCREENSHOT);
            assertThat(Files.size(SCREENSHOT)).as("a PNG at %s", SCREENSHOT).isGreaterThan(1000);
        }
    }

    private static JsonNode impairment(String room, String identity) throws Exception {
        String admin = SERVER.server().tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVER.base()
                + "/api/v1/rooms/" + room + "/participants/" + identity + "/impairment"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
