package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end in real headless Chromium: page A publishes fake camera + microphone over WHIP, pages B and C
 * play over WHEP through our SFU; both must decode > 100 video frames and receive > 200 audio packets within
 * 20 s, for VP8 and for H.264. Then A's DELETE must stop B and C and free A's session on the server.
 */
class WhipWhepBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vp8", "h264"})
    void browserPublishesOverWhipAndTwoBrowsersPlayOverWhep(String codec) throws Exception {
        String room = "e2e-" + codec;
        try (Browser a = new Browser(); Browser b = new Browser(); Browser c = new Browser()) {
            a.open(SERVER.base() + "/publish.html?autostart=1&room=" + room + "&codec=" + codec + "&identity=alice");
            b.open(SERVER.base() + "/play.html?autostart=1&room=" + room);
            c.open(SERVER.base() + "/play.html?autostart=1&room=" + room);

            for (Browser player : List.of(b, c)) {
                Map<?, ?> stats = Poll.until(Duration.ofSeconds(20), player::pageStats,
                        s -> num(s, "framesDecoded") > 100 && num(s, "audioPacketsReceived") > 200);
                assertThat(num(stats, "framesDecoded")).as("frames decoded, stats %s", stats).isGreaterThan(100);
                assertThat(num(stats, "audioPacketsReceived")).as("audio packets, stats %s", stats).isGreaterThan(200);
                assertThat(String.valueOf(stats.get("videoCodec")).toLowerCase()).contains(codec);
                assertThat(String.valueOf(stats.get("audioCodec")).toLowerCase()).contains("opus");
                Map<?, ?> withSr = Poll.until(Duration.ofSeconds(5), player::pageStats,
                        s -> num(s, "senderReportsReceived") >= 2);
                assertThat(num(withSr, "senderReportsReceived")).as("our RTCP SRs reach the player").isGreaterThanOrEqualTo(2);
            }
            Map<?, ?> publisher = Poll.until(Duration.ofSeconds(5), () -> a.pageStats(),
                    s -> num(s, "receiverReportsReceived") >= 2 && s.get("roundTripTime") instanceof Number);
            assertThat(num(publisher, "receiverReportsReceived")).as("our RTCP RRs reach the publisher: %s", publisher)
                    .isGreaterThanOrEqualTo(2);
            assertThat(publisher.get("roundTripTime")).as("RTT from our RR's LSR/DLSR").isInstanceOf(Number.class);
            assertThat(sessions(room, "publish")).isEqualTo(1);
            assertThat(sessions(room, "subscribe")).isEqualTo(2);

            a.async("const done = arguments[arguments.length - 1];"
                    + "window.onair.session.stop().then(() => done('ok'), e => done(String(e)));");

            long publishers = Poll.until(Duration.ofSeconds(10), () -> sessions(room, "publish"), n -> n == 0);
            assertThat(publishers).as("publisher session freed: %s", status()).isZero();
            for (Browser player : List.of(b, c)) {
                assertThat(stoppedReceiving(player)).as("player stopped receiving video").isTrue();
            }
        }
    }

    /** True when the player's received video packet count stops moving (two samples 1.5 s apart, within 10 s). */
    private static boolean stoppedReceiving(Browser player) {
        long[] last = {-1};
        long[] lastAt = {System.nanoTime()};
        Boolean stopped = Poll.until(Duration.ofSeconds(10), () -> {
            long now = System.nanoTime();
            if (now - lastAt[0] < 1_500_000_000L) {
                return false;
            }
            long v = num(player.pageStats(), "videoPacketsReceived");
            boolean same = v == last[0];
            last[0] = v;
            lastAt[0] = now;
            return same;
        }, s -> s);
        return stopped;
    }


    private static long num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** Live sessions of one kind in one room, from the server's status endpoint. */
    private static long sessions(String room, String kind) {
        long n = 0;
        for (JsonNode s : status().get("sessions")) {
            if (room.equals(s.get("room").asText()) && kind.equals(s.get("kind").asText())) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode status() {
        return ServerStatus.get(SERVER.base());
    }
}
