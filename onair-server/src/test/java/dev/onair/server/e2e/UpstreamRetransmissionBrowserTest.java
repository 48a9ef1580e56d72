package dev.onair.server.e2e;

import static dev.onair.server.e2e.AdminHttp.delta;
import static dev.onair.server.e2e.AdminHttp.num;
import static dev.onair.server.e2e.AdminHttp.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, retransmission from publishers, in Chromium: a WHIP publisher with 5 % random loss on its uplink and a
 * WHEP player. Over a 20 s window the server NACKs the publisher (its outbound-rtp video {@code nackCount} and
 * {@code retransmittedPacketsSent} grow), and the server's in-track loss after retransmission stays at most 20 % of
 * the raw loss. The impairment is then cleared and the report read 2 s later, so that every packet lost in the window
 * has been recovered or given up (the NACK deadline is about 1 s).
 */
class UpstreamRetransmissionBrowserTest {
    static final Duration WINDOW = Duration.ofSeconds(20);
    static final String SCENARIO = "name: five\\nbase: {lossProbability: 0.05}";
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    @Test
    void fivePercentLossOnThePublishersUplinkIsMostlyRecovered() throws Exception {
        String room = "uprtx-e2e";
        try (Browser publisher = new Browser(); Browser player = new Browser()) {
            publisher.open(SERVER.base() + "/publish.html?autostart=1&codec=vp8&room=" + room);
            player.open(SERVER.base() + "/play.html?autostart=1&room=" + room);
            Map<?, ?> playing = Poll.until(Duration.ofSeconds(20), () -> inbound(player),
                    s -> num(s, "framesDecoded") > 30);
            assertThat(num(playing, "framesDecoded")).as("plays before the impairment: %s", playing).isGreaterThan(30);
            JsonNode pub = ServerStatus.awaitSession(SERVER.base(), room, "publish");
            String identity = pub.path("identity").asText();
            String path = AdminHttp.impairmentPath(room, identity);
            AdminHttp.impair(SERVER, room, identity, "up", SCENARIO, 5);
            long fromMillis = System.currentTimeMillis();
            Map<?, ?> pubStart = outbound(publisher);
            Map<?, ?> playStart = inbound(player);
            LockSupport.parkNanos(WINDOW.toNanos()); // the measured window itself
            Map<?, ?> pubEnd = outbound(publisher);
            Map<?, ?> playEnd = inbound(player);
            long toMillis = System.currentTimeMillis();
            JsonNode status = read(admin("GET", path, null));
            admin("DELETE", path, null);
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // give-ups of the window's last losses

            JsonNode report = read(admin("GET", "/api/v1/sessions/" + pub.path("resourceId").asText() + "/report",
                    null));
            double lossSum = 0;
            double afterSum = 0;
            long recovered = 0;
            long discarded = 0;
            long unrecoverable = 0;
            long nacksSent = 0;
            int samples = 0;
            for (JsonNode track : report.path("tracks")) {
                if (!"video".equals(track.path("kind").asText()) || !"in".equals(track.path("direction").asText())) {
                    continue;
                }
                for (JsonNode s : track.path("samples")) {
                    long at = s.path("atMillis").asLong();
                    if (at > fromMillis + 1_000 && at <= toMillis + 2_000) {
                        samples++;
                        lossSum += s.path("lossPercent").asDouble();
                        afterSum += s.path("lossAfterRetransmissionPercent").asDouble();
                        recovered += s.path("rtxRecovered").asLong();
                        discarded += s.path("rtxDiscarded").asLong();
                        unrecoverable += s.path("unrecoverableLosses").asLong();
                        nacksSent += s.path("nackSent").asLong();
                    }
                }
            }
            long nackCount = delta(pubStart, pubEnd, "nackCount");
            long rtxSent = delta(pubStart, pubEnd, "retransmittedPacketsSent");
            long framesDecoded = delta(playStart, playEnd, "framesDecoded");
            String summary = String.format("publisher nackCount %d, retransmittedPacketsSent %d; server: %d samples,"
                    + " mean loss %.2f %%, mean loss after retransmission %.2f %%, NACKs sent %d, recovered by RTX %d,"
                    + " RTX discarded %d, unrecoverable %d; shaper dropped %d of %d RTP; player decoded %d frames",
                    nackCount, rtxSent, samples, lossSum / Math.max(1, samples), afterSum / Math.max(1, samples),
                    nacksSent, recovered, discarded, unrecoverable, status.at("/up/rtpDropped").asLong(),
                    status.at("/up/rtpDatagrams").asLong(), framesDecoded);
            System.out.println("UpstreamRetransmissionBrowserTest: " + summary);

            assertThat(samples).as("in-track samples in the window: %s", summary).isGreaterThanOrEqualTo(15);
            assertThat(lossSum / samples).as("the uplink lost packets: %s", summary).isGreaterThan(2.0);
            assertThat(nackCount).as("the publisher got NACKs: %s", summary).isPositive();
            assertThat(rtxSent).as("the publisher retransmitted: %s", summary).isPositive();
            assertThat(recovered).as("the server restored RTX: %s", summary).isPositive();
            assertThat(afterSum).as("loss after retransmission at most 20 %% of the loss: %s", summary)
                    .isLessThanOrEqualTo(0.2 * lossSum);
            assertThat(framesDecoded).as("the player kept decoding: %s", summary).isGreaterThan(200);
        }
    }

    /** The publisher's outbound-rtp video counters. */
    private static Map<?, ?> outbound(Browser publisher) {
        Object r = publisher.async("const done = arguments[arguments.length - 1];"
                + "const s = window.onair && window.onair.session;"
                + "if (!s) { done({}); return; }"
                + "s.pc.getStats().then(stats => { const out = {nackCount: 0, retransmittedPacketsSent: 0,"
                + " packetsSent: 0};"
                + " stats.forEach(r => { if (r.type !== 'outbound-rtp' || r.kind !== 'video') return;"
                + "  out.nackCount += r.nackCount || 0; out.packetsSent += r.packetsSent || 0;"
                + "  out.retransmittedPacketsSent += r.retransmittedPacketsSent || 0; });"
                + " done(out); }, e => done({error: String(e)}));");
        return r instanceof Map<?, ?> m ? m : Map.of();
    }

    /** The player's inbound-rtp video frames decoded. */
    private static Map<?, ?> inbound(Browser player) {
        Object r = player.async("const done = arguments[arguments.length - 1];"
                + "const s = window.onair && window.onair.session;"
                + "if (!s) { done({}); return; }"
                + "s.pc.getStats().then(stats => { const out = {framesDecoded: 0};"
                + " stats.forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video')"
                + "  out.framesDecoded += r.framesDecoded || 0; });"
                + " done(out); }, e => done({error: String(e)}));");
        return r instanceof Map<?, ?> m ? m : Map.of();
    }

    private static HttpResponse<String> admin(String method, String path, String json) {
        return AdminHttp.send(SERVER, method, path, json);
    }
}
