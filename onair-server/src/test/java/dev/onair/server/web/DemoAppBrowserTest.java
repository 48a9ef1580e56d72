package dev.onair.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.e2e.Browser;
import dev.onair.server.e2e.BrowserServer;
import dev.onair.server.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The demo app in real headless Chromium (Debian chromium + chromium-driver, fake devices): auto-join through
 * the query string reaches a connected room with its own tile, a viewer gets no publishing controls, and
 * leaving returns to the join form. Only the signalling part: media in the demo app is
 * {@link dev.onair.server.e2e.DemoAppMediaBrowserTest}'s job.
 */
class DemoAppBrowserTest {
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void autojoinConnectsShowsOwnTileAndLeaveReturnsToTheForm() throws IOException {
        try (Browser page = new Browser()) {
            page.open(SERVER.base() + "/?room=demo-smoke&name=Ada%20Lovelace&identity=ada&mode=conference&autojoin=1");
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
            page.open(SERVER.base() + "/?room=demo-show&name=Vera&identity=vera&mode=viewer&autojoin=1");
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
