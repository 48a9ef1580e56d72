package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3 (e): the demo app itself, with media. Ann and Bob open {@code /?room=…&name=…&mode=conference
 * &autojoin=1} in two Chromiums (fake devices, the app's own 1280x720 camera request); both publish camera and
 * microphone, and each sees a remote tile whose {@code <video>} plays (a size, and a clock that advances).
 * Ann's view is saved to {@code target/e2e-report/demo-app.png}.
 */
class DemoAppMediaBrowserTest {
    /** Where the screenshot goes (the module's target folder; surefire sets {@code basedir}). */
    static final Path SCREENSHOT = Path.of(System.getProperty("basedir", "."), "target", "e2e-report", "demo-app.png");
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(40);
    private static final String REMOTE_VIDEO = "document.querySelector('.tile[data-identity]:not(.local) video')";
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void annAndBobEachSeeTheOthersVideoPlayInTheDemoApp() throws Exception {
        try (Browser ann = new Browser(); Browser bob = new Browser()) {
            ann.open(SERVER.base() + "/?room=demo-e&name=Ann&mode=conference&autojoin=1");
            bob.open(SERVER.base() + "/?room=demo-e&name=Bob&mode=conference&autojoin=1");
            for (Browser b : List.of(ann, bob)) {
                String published = Poll.until(PLAY_TIMEOUT, () -> b.text("(() => { const lp = window.onairRoom"
                        + " && window.onairRoom.localParticipant; return !!lp && ['camera', 'microphone'].every(s =>"
                        + " lp.getTrackPublication(s) && lp.getTrackPublication(s).sid); })()"), "true"::equals);
                assertThat(published).as("camera and microphone published").isEqualTo("true");
            }
            assertPlays(ann, "Bob");
            assertPlays(bob, "Ann");
            assertThat(ann.eval("document.querySelectorAll('.tile[data-identity]').length")).isEqualTo(2L);
            assertThat(ann.text("document.querySelector('#connection-banner').dataset.state")).isEqualTo("connected");

            ann.screenshot(SCREENSHOT);
            assertThat(Files.size(SCREENSHOT)).as("a PNG at %s", SCREENSHOT).isGreaterThan(1000);
        }
    }

    /** The one remote tile shows {@code name} and its video has a size and a clock that advances. */
    private static void assertPlays(Browser b, String name) {
        String size = Poll.until(PLAY_TIMEOUT, () -> b.text(REMOTE_VIDEO + " ? " + REMOTE_VIDEO + ".videoWidth : 0"),
                w -> !"0".equals(w));
        assertThat(Integer.parseInt(size)).as("the remote tile's video has a width").isPositive();
        assertThat(b.text("document.querySelector('.tile[data-identity]:not(.local) .name').textContent"))
                .isEqualTo(name);
        double start = Double.parseDouble(b.text(REMOTE_VIDEO + ".currentTime"));
        String later = Poll.until(Duration.ofSeconds(10), () -> b.text(REMOTE_VIDEO + ".currentTime"),
                t -> Double.parseDouble(t) > start + 1.0);
        assertThat(Double.parseDouble(later)).as("%s's video plays on", name).isGreaterThan(start + 1.0);
        assertThat(b.text(REMOTE_VIDEO + ".paused")).isEqualTo("false");
    }
}
