package dev.onair.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onair.server.OnairServer;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.testing.Poll;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The demo app in real headless Chromium (Debian chromium + chromium-driver, fake devices): auto-join through
 * the query string reaches a connected room with its own tile, a viewer gets no publishing controls, and
 * leaving returns to the join form. Only the signalling part: media is the protocol tests' job.
 */
class DemoAppBrowserTest {
    private static final String CHROMIUM = System.getProperty("onair.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("onair.chromedriver", "/usr/bin/chromedriver");
    private static OnairServer server;
    private static String base;

    @BeforeAll
    static void startServer() {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian chromium and chromium-driver are required (./onair test installs them)");
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
        try (Page page = new Page()) {
            page.driver.get(base + "/?room=demo-smoke&name=Ada%20Lovelace&identity=ada&mode=conference&autojoin=1");
            String state = Poll.until(Duration.ofSeconds(15), () -> page.text("window.onairRoom && window.onairRoom.state"),
                    "connected"::equals);
            assertThat(state).isEqualTo("connected");
            assertThat(page.text("document.querySelector('#connection-banner').dataset.state")).isEqualTo("connected");
            assertThat(page.text("window.onairRoom.localParticipant.identity")).isEqualTo("ada");
            assertThat(page.driver.findElement(By.id("room-view")).isDisplayed()).isTrue();
            assertThat(page.driver.findElements(By.cssSelector(".tile[data-identity=\"ada\"] video"))).hasSize(1);
            assertThat(page.driver.findElement(By.id("btn-mic")).isDisplayed()).isTrue();

            page.driver.findElement(By.id("btn-leave")).click();
            String after = Poll.until(Duration.ofSeconds(10),
                    () -> page.text("String(document.querySelector('#join-form').offsetParent !== null)"), "true"::equals);
            assertThat(after).isEqualTo("true");
            assertThat(page.text("String(window.onairRoom)")).isEqualTo("null");
        }
    }

    @Test
    void viewerSeesNoPublishingControls() throws IOException {
        try (Page page = new Page()) {
            page.driver.get(base + "/?room=demo-show&name=Vera&identity=vera&mode=viewer&autojoin=1");
            String state = Poll.until(Duration.ofSeconds(15), () -> page.text("window.onairRoom && window.onairRoom.state"),
                    "connected"::equals);
            assertThat(state).isEqualTo("connected");
            assertThat(page.driver.findElement(By.id("btn-mic")).isDisplayed()).isFalse();
            assertThat(page.driver.findElement(By.id("btn-camera")).isDisplayed()).isFalse();
            assertThat(page.driver.findElement(By.id("btn-leave")).isDisplayed()).isTrue();
            assertThat(page.driver.findElements(By.cssSelector(".tile[data-identity=\"vera\"]"))).isEmpty();
        }
    }

    /** One headless Chromium with fake devices; never downloads a browser or a driver. */
    private static final class Page implements AutoCloseable {
        final ChromeDriver driver;
        private final Path profile;

        Page() throws IOException {
            profile = Files.createTempDirectory("onair-demo-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required", "--disable-dev-shm-usage",
                    "--window-size=1280,800", "--user-data-dir=" + profile);
            driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        }

        String text(String expression) {
            Object v = ((JavascriptExecutor) driver).executeScript("return String(" + expression + ")");
            return v == null ? null : v.toString();
        }

        @Override
        public void close() throws IOException {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }
}
