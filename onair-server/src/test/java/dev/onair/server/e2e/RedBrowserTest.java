package dev.onair.server.e2e;

import static dev.onair.server.e2e.AdminHttp.delta;
import static dev.onair.server.e2e.AdminHttp.num;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.testing.Poll;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.SessionReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, audio RED (RFC 2198) in Chromium, one page ({@code /e2e/red.html}): a WHIP publisher of the fake
 * microphone with {@code audio/red} first in its codec preferences (libwebrtc sends RED only when it precedes opus,
 * and the server answers it so), and two WHEP players, one offering RED as Chromium does by default, one with RED
 * stripped from its codec preferences. Both play: their inbound audio grows with at most 5 % concealment. Chromium's
 * {@code getStats()} names the decoder ({@code audio/opus}) as both players' codec, so the browser-side proof is the
 * payload size: the RED player's packets carry about twice the bytes of the opus player's. The server's session
 * reports count RED received from the publisher, forwarded as RED to the first player and stripped for the second.
 */
class RedBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ROOM = "red-e2e";
    private static final double MAX_CONCEALED_PERCENT = 5.0;
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void aRedPublisherIsHeardByARedAndAPlainOpusPlayer() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(SERVER.base() + "/e2e/red.html");
            assertThat(Poll.until(Duration.ofSeconds(15), () -> browser.text("window.redReady === true"),
                    "true"::equals)).as("the RED page loaded").isEqualTo("true");
            Map<?, ?> published = call(browser, "publish", ROOM);
            System.out.printf("RedBrowserTest: publisher %s%n", published);
            assertThat(published.get("error")).as("publish").isNull();
            assertThat(first(published, "answer")).as("the answer keeps RED first: %s", published)
                    .startsWith("red/48000/2");
            Map<?, ?> withRed = call(browser, "play", "red-player", ROOM, true);
            Map<?, ?> withoutRed = call(browser, "play", "opus-player", ROOM, false);
            System.out.printf("RedBrowserTest: players %s / %s%n", withRed, withoutRed);
            assertThat(withRed.get("error")).as("the RED player").isNull();
            assertThat(withoutRed.get("error")).as("the opus player").isNull();
            assertThat((List<?>) withRed.get("answer")).as("RED answered to the player offering it")
                    .anyMatch(c -> c.toString().contains("red/48000/2"));
            assertThat((List<?>) withoutRed.get("answer")).as("no RED for the player that did not offer it")
                    .noneMatch(c -> c.toString().contains("red/48000/2"));

            // Chromium's outbound-rtp names the encoder (audio/opus) even when it wraps it in RED: the server's
            // redReceived below shows that RED arrives.
            Map<?, ?> sending = Poll.until(WAIT, () -> call(browser, "outbound"), o -> num(o, "packetsSent") > 50);
            System.out.printf("RedBrowserTest: publisher sends %s%n", sending);

            // A warm-up (the jitter buffers settle), then a window of about 5 s of packets at 50 per second.
            Map<?, ?> red0 = Poll.until(WAIT, () -> call(browser, "inbound", "red-player"),
                    s -> num(s, "packetsReceived") > 100);
            Map<?, ?> opus0 = call(browser, "inbound", "opus-player");
            Map<?, ?> red1 = Poll.until(WAIT, () -> call(browser, "inbound", "red-player"),
                    s -> num(s, "packetsReceived") > num(red0, "packetsReceived") + 250);
            Map<?, ?> opus1 = Poll.until(WAIT, () -> call(browser, "inbound", "opus-player"),
                    s -> num(s, "packetsReceived") > num(opus0, "packetsReceived") + 250);
            System.out.printf("RedBrowserTest: RED player %s -> %s%nRedBrowserTest: opus player %s -> %s%n", red0, red1,
                    opus0, opus1);
            assertPlays("the RED player", red0, red1);
            assertPlays("the opus player", opus0, opus1);
            // Chromium 156's inbound-rtp codecId names the decoder, audio/opus, for both (NetEq unpacks RED; no
            // audio/red codec entry appears); the payload size tells them apart: a RED packet carries the previous
            // frame(s) too, about twice the opus payload of the same source.
            assertThat(red1.get("mimeType")).as("the RED player's decoder").isEqualTo("audio/opus");
            assertThat(opus1.get("mimeType")).as("the opus player's codec").isEqualTo("audio/opus");
            double redBytesPerPacket = bytesPerPacket(red0, red1);
            double opusBytesPerPacket = bytesPerPacket(opus0, opus1);
            System.out.printf("RedBrowserTest: payload bytes per packet: RED player %.1f, opus player %.1f%n",
                    redBytesPerPacket, opusBytesPerPacket);
            assertThat(redBytesPerPacket).as("RED packets carry redundancy").isGreaterThan(1.5 * opusBytesPerPacket);

            long received = Poll.until(WAIT, () -> total("alice", "publish", SessionReport.TrackSample::redReceived),
                    n -> n > 0);
            long forwarded = Poll.until(WAIT, () -> total("red-player", "subscribe",
                    SessionReport.TrackSample::redForwarded), n -> n > 0);
            long stripped = Poll.until(WAIT, () -> total("opus-player", "subscribe",
                    SessionReport.TrackSample::redStripped), n -> n > 0);
            System.out.printf("RedBrowserTest: server counts redReceived %d, redForwarded %d, redStripped %d%n",
                    received, forwarded, stripped);
            assertThat(received).as("RED received from the publisher").isPositive();
            assertThat(forwarded).as("RED forwarded to the RED player").isPositive();
            assertThat(stripped).as("RED stripped for the opus player").isPositive();
            assertThat(total("red-player", "subscribe", SessionReport.TrackSample::redStripped))
                    .as("nothing stripped for the RED player").isZero();
            assertThat(total("opus-player", "subscribe", SessionReport.TrackSample::redForwarded))
                    .as("no RED to the opus player").isZero();
        }
    }

    private static void assertPlays(String who, Map<?, ?> before, Map<?, ?> after) {
        // Loopback, no impairment: nothing lost since the start. Chromium probes bandwidth with padding-only packets
        // on the RED payload type; the SFU once dropped them as malformed RED, a sequence gap at every subscriber.
        assertThat(num(after, "packetsLost")).as("%s: packets lost since the start", who).isLessThanOrEqualTo(2);
        long samples = delta(before, after, "totalSamplesReceived");
        double concealedPercent = samples <= 0 ? 100 : delta(before, after, "concealedSamples") * 100.0 / samples;
        assertThat(delta(before, after, "packetsReceived")).as("%s: packets received", who).isGreaterThan(250);
        assertThat(samples).as("%s: samples played out", who).isGreaterThan(48_000);
        assertThat(concealedPercent).as("%s: concealed %%", who).isLessThanOrEqualTo(MAX_CONCEALED_PERCENT);
    }

    private static double bytesPerPacket(Map<?, ?> before, Map<?, ?> after) {
        return (double) delta(before, after, "bytesReceived") / Math.max(1, delta(before, after, "packetsReceived"));
    }

    /** The sum over every sample of the audio tracks of {@code identity}'s session of {@code kind}; 0 when none. */
    private static long total(String identity, String kind, ToLongFunction<SessionReport.TrackSample> count) {
        try {
            for (MediaStatus.SessionInfo s : SERVER.server().media().status().sessions()) {
                if (ROOM.equals(s.room()) && identity.equals(s.identity()) && kind.equals(s.kind())) {
                    SessionReport r = SERVER.server().media().report(s.resourceId()).get(5, TimeUnit.SECONDS);
                    return r.tracks().stream().filter(t -> "audio".equals(t.kind()))
                            .flatMap(t -> t.samples().stream()).mapToLong(count).sum();
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private static String first(Map<?, ?> negotiated, String side) {
        return negotiated.get(side) instanceof List<?> l && !l.isEmpty()
                ? l.get(0).toString().replaceFirst("^\\d+ ", "") : "";
    }

    private static Map<?, ?> call(Browser browser, String function, Object... args) {
        Object r = browser.async("const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => window.red[arguments[0]](...arguments[1]))"
                + ".then(r => done(r === undefined ? null : r), e => done({error: String(e && e.message || e)}));",
                function, List.of(args));
        return r instanceof Map<?, ?> m ? m : Map.of();
    }
}
