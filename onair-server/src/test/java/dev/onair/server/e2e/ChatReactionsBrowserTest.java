package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Issue 6 in Chromium: two demo-app tabs in one room (Ann with her camera, Bob without media) chat both ways through
 * the chat panel over {@code /chat}, Bob sees Ann typing, and a reaction and confetti sent from Ann's reactions bar
 * make animated effect elements appear over Bob's video grid, then go away. Bob's view with the effects is saved to
 * {@code target/e2e-report/chat-reactions.png}. Ann's token holds {@code admin} ({@code &admin=1}): only she sees
 * the delete controls, and when she deletes Bob's message both tabs show it as "message deleted".
 */
class ChatReactionsBrowserTest {
    static final Path SCREENSHOT = Path.of(System.getProperty("basedir", "."), "target", "e2e-report",
            "chat-reactions.png");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Records every effect element added to the page with its CSS animation, before it is removed again. */
    private static final String RECORD_EFFECTS = "(() => { window.effectsSeen = []; new MutationObserver((records) => {"
            + " for (const r of records) for (const n of r.addedNodes) if (n.classList && n.classList.contains('effect')) {"
            + " const pieces = n.querySelectorAll('i'); const styled = pieces.length ? pieces[0] : n;"
            + " window.effectsSeen.push({ effect: n.dataset.effect, animation: getComputedStyle(styled).animationName,"
            + " running: n.getAnimations({ subtree: true }).length, inLayer: n.parentElement.id }); } })"
            + ".observe(document.querySelector('#stage'), { childList: true, subtree: true }); return true; })()";

    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void twoTabsChatBothWaysAndAReactionInOneAnimatesInTheOther() throws Exception {
        try (Browser ann = new Browser(); Browser bob = new Browser()) {
            ann.open(SERVER.base() + "/?room=demo-chat&name=Ann&mode=conference&mic=0&autojoin=1&admin=1");
            bob.open(SERVER.base() + "/?room=demo-chat&name=Bob&mode=conference&camera=0&mic=0&autojoin=1");
            for (Browser b : List.of(ann, bob)) {
                String state = Poll.until(TIMEOUT, () -> b.text("window.onairRoom ? window.onairRoom.chat.state : ''"),
                        "connected"::equals);
                assertThat(state).as("the chat socket is joined").isEqualTo("connected");
            }

            ann.driver().findElement(By.id("chat-input")).sendKeys("Hello from Ann");
            String typing = Poll.until(TIMEOUT, () -> bob.text("document.querySelector('#chat-typing').textContent"),
                    t -> t.contains("Ann"));
            assertThat(typing).isEqualTo("Ann is typing…");
            ann.driver().findElement(By.id("chat-send")).click();
            String atBob = Poll.until(TIMEOUT, () -> bob.text(lastMessage()), t -> t.contains("Hello from Ann"));
            assertThat(atBob).isEqualTo("Ann|Hello from Ann");
            assertThat(ann.text(lastMessage())).as("Ann's own message, server-stamped").isEqualTo("You|Hello from Ann");

            bob.driver().findElement(By.id("chat-input")).sendKeys("Hi Ann, Bob here");
            bob.driver().findElement(By.id("chat-send")).click();
            String atAnn = Poll.until(TIMEOUT, () -> ann.text(lastMessage()), t -> t.contains("Bob here"));
            assertThat(atAnn).isEqualTo("Bob|Hi Ann, Bob here");
            assertThat(bob.text("document.querySelector('#chat-typing').textContent")).as("typing ended").isEmpty();

            assertThat(bob.text(RECORD_EFFECTS)).isEqualTo("true");
            ann.driver().findElement(By.cssSelector("#reactions [data-reaction='heart']")).click();
            ann.driver().findElement(By.cssSelector("#reactions [data-reaction='confetti']")).click();
            String seen = Poll.until(TIMEOUT, Duration.ofMillis(50), () -> bob.text("JSON.stringify(window.effectsSeen)"),
                    s -> s.contains("confetti"));
            bob.screenshot(SCREENSHOT);
            assertThat(seen).contains("{\"effect\":\"heart\",\"animation\":\"effect-float\"",
                    "{\"effect\":\"confetti\",\"animation\":\"effect-confetti\"");
            assertThat(bob.text("window.effectsSeen.every(e => e.running > 0 && e.inLayer === 'effects-layer')"))
                    .as("each effect is running a CSS animation in the layer over the video grid: %s", seen)
                    .isEqualTo("true");
            String left = Poll.until(TIMEOUT, () -> bob.text("document.querySelectorAll('#effects-layer .effect').length"),
                    "0"::equals);
            assertThat(left).as("effects are removed after their animation").isEqualTo("0");
            assertThat(Files.size(SCREENSHOT)).as("a PNG at %s", SCREENSHOT).isGreaterThan(1000);

            String seq = bob.text(lastChat() + ".dataset.seq");
            assertThat(ann.text(lastChat() + ".dataset.seq")).as("one log, one seq").isEqualTo(seq);
            String deleteControl = "getComputedStyle(document.querySelector('#chat-messages li[data-seq=\"" + seq
                    + "\"] .chat-delete')).display";
            assertThat(bob.text(deleteControl)).as("no delete control without admin").isEqualTo("none");
            assertThat(ann.text(deleteControl)).as("the admin's delete control").isNotEqualTo("none");
            ann.driver().findElement(By.cssSelector("#chat-messages li[data-seq='" + seq + "'] .chat-delete")).click();
            String tombstone = "(() => { const li = document.querySelector('#chat-messages li[data-seq=\"" + seq
                    + "\"]'); return li.dataset.deleted + '|' + li.querySelector('.chat-text').textContent; })()";
            assertThat(Poll.until(TIMEOUT, () -> bob.text(tombstone), t -> t.startsWith("true")))
                    .as("Bob's tab shows the tombstone").isEqualTo("true|message deleted");
            assertThat(Poll.until(TIMEOUT, () -> ann.text(tombstone), t -> t.startsWith("true")))
                    .isEqualTo("true|message deleted");
            assertThat(bob.text("window.onairRoom.chat.messages.some(m => m.seq === " + seq + ")"))
                    .as("gone from chat.messages").isEqualTo("false");
        }
    }

    /** The last chat line of the panel (a JS expression). */
    private static String lastChat() {
        return "[...document.querySelectorAll('#chat-messages li[data-kind=\"chat\"]')].at(-1)";
    }

    /** "sender|text" of the last chat line. */
    private static String lastMessage() {
        return "(() => { const li = [...document.querySelectorAll('#chat-messages li[data-kind=\"chat\"]')].at(-1);"
                + " return li ? li.querySelector('.chat-from').textContent + '|' + li.querySelector('.chat-text').textContent"
                + " : ''; })()";
    }
}
