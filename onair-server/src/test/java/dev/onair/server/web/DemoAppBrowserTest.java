package dev.onair.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onair.server.OnairServer;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.e2e.Browser;
import dev.onair.server.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo app in real headless Chromium (Debian chromium + chromium-driver, fake devices): auto-join through
 * the query string reaches a connected room with its own tile, a viewer gets no publishing controls, and
 * leaving returns to the join form. Only the signalling part: media in the demo app is
 * {@link dev.onair.server.e2e.DemoAppMediaBrowserTest}'s job.
 */
class DemoAppBrowserTest {
    private static OnairServer server;
    private static String base;

    @BeforeAll
    static void startServer() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are required (./onair test installs them)");
        server = OnairServer.start(new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 50));
        base = "http://127.0.0.1:" + server.httpPort();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void autojoinConnectsShowsOwnTileAndLeaveReturnsToTheForm() throws IOException {
        try (Browser page = new Browser()) {
            page.open(base + "/?room=demo-smoke&name=Ada%20Lovelace&identity=ada&mode=conference&autojoin=1");
            String state = Poll.until(Duration.ofSeconds(15), () -> page.text("window.onairRoom && window.onairRoom.state"),
                    "connected"::equals);
            assertThat(state).isEqualTo("connected");
            assertThat(page.text("document.querySelector('#connection-banner').dataset.state")).isEqualTo("connected");
            assertThat(page.text("window.onairRoom.localParticipant.identity")).isEqualTo("ada");
            assertThat(page.driver().findElement(By.id("room-view")).isDisplayed()).isTrue();
            assertThat(page.driver().findElements(By.cssSelector(".tile[data-identity=\"ada\"] video"))).hasSize(1);
            assertThat(page.driver().findElement(By.id("btn-mic")).isDisplayed()).isTrue();

            page.driver().findElement(By.id("btn-leave")).click();
            String after = Poll.until(Duration.ofSeconds(10),
                    () -> page.text("String(document.querySelector('#join-form').offsetParent !== null)"), "true"::equals);
            assertThat(after).isEqualTo("true");
            assertThat(page.text("String(window.onairRoom)")).isEqualTo("null");
        }
    }

    @Test
    void viewerSeesNoPublishingControls() throws IOException {
        try (Browser page = new Browser()) {
            page.open(base + "/?room=demo-show&name=Vera&identity=vera&mode=viewer&autojoin=1");
            String state = Poll.until(Duration.ofSeconds(15), () -> page.text("window.onairRoom && window.onairRoom.state"),
                    "connected"::equals);
            assertThat(state).isEqualTo("connected");
            assertThat(page.driver().findElement(By.id("btn-mic")).isDisplayed()).isFalse();
            assertThat(page.driver().findElement(By.id("btn-camera")).isDisplayed()).isFalse();
            assertThat(page.driver().findElement(By.id("btn-leave")).isDisplayed()).isTrue();
            assertThat(page.driver().findElements(By.cssSelector(".tile[data-identity=\"vera\"]"))).isEmpty();
        }
    }
}
