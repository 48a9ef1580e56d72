package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics} counts the {@code client_stats} and {@code track_view} messages the signalling refused, by reason:
 * each bad message sent over {@code /rtc} moves exactly its own series by one (this server is this class's own).
 */
class RejectedMessagesMetricsTest {
    @RegisterExtension
    static final ItServer it = new ItServer();

    @Test
    void eachRefusedMessageMovesItsOwnSeries() throws Exception {
        try (RtcParty alice = RtcParty.join(it, "rejected-metrics", "alice").publish();
             RtcParty carol = RtcParty.join(it, "rejected-metrics", "carol")) {
            assertThat(counter("client_stats", "malformed")).isZero();

            ObjectNode negative = RtcClient.message("client_stats");
            negative.putArray("inbound").addObject().put("ssrc", 1).put("kind", "audio").put("packetsLost", -1);
            assertThat(carol.ws.request(negative).path("code").asText()).isEqualTo("bad_request");
            ObjectNode big = RtcClient.message("client_stats");
            big.put("padding", "x".repeat(20_000));
            assertThat(carol.ws.request(big).path("code").asText()).isEqualTo("frame_too_large");
            ObjectNode badView = RtcClient.message("track_view").put("sid", alice.videoSid()).put("width", -1)
                    .put("height", 10);
            assertThat(carol.ws.request(badView).path("code").asText()).isEqualTo("bad_request");
            ObjectNode unknownView = RtcClient.message("track_view").put("sid", "TR_nope").put("width", 10)
                    .put("height", 10);
            assertThat(carol.ws.request(unknownView).path("code").asText()).isEqualTo("unknown_track");
            assertThat(carol.ws.request(RtcClient.message("client_stats")).path("type").asText())
                    .as("a valid upload is not counted").isEqualTo("ok");

            assertThat(counter("client_stats", "malformed")).isEqualTo(1);
            assertThat(counter("client_stats", "too_large")).isEqualTo(1);
            assertThat(counter("client_stats", "refused")).isZero();
            assertThat(counter("track_view", "malformed")).isEqualTo(1);
            assertThat(counter("track_view", "refused")).isEqualTo(1);
            assertThat(counter("track_view", "too_large")).isZero();
        }
    }

    /** The value of {@code onair_rtc_rejected_messages_total{type,reason}}; fails when the series is absent. */
    private static long counter(String type, String reason) {
        String metrics = it.get("/metrics");
        Matcher m = Pattern.compile("(?m)^onair_rtc_rejected_messages_total\\{type=\"" + type + "\",reason=\""
                + reason + "\"} (\\d+)$").matcher(metrics);
        assertThat(m.find()).as("series %s/%s in %s", type, reason, metrics).isTrue();
        return Long.parseLong(m.group(1));
    }
}
