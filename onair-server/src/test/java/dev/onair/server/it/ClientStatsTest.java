package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code client_stats} over {@code /rtc}: a publisher's outbound and a subscriber's inbound browser stats land on
 * the right tracks of their sessions' reports (joined by SSRC), and bad uploads get a typed error while the
 * socket stays usable.
 */
class ClientStatsTest {
    @RegisterExtension
    static final ItServer it = new ItServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void uploadsAreJoinedToTheRightTracksOfBothSessions() throws Exception {
        String room = "client-stats";
        try (RtcParty alice = RtcParty.join(it, room, "alice").publish();
             RtcParty bob = RtcParty.join(it, room, "bob")) {
            bob.subscribe(alice.audioSid(), alice.videoSid());
            long audioOut = bob.ssrc("0");
            long videoOut = bob.ssrc("1");
            long videoIn = alice.publisher.videoSsrc();

            // Two uploads each: the second one gives interval values.
            assertOk(bob.ws.request(inbound(videoOut, audioOut, 100, 0, 0, 0)));
            assertOk(alice.ws.request(outbound(videoIn, 0)));
            assertOk(bob.ws.request(inbound(videoOut, audioOut, 200, 10, 40, 2)));
            assertOk(alice.ws.request(outbound(videoIn, 30)));

            JsonNode sub = report(bob.session("subscribe").path("resourceId").asText());
            JsonNode video = track(sub, "video");
            assertThat(video.path("ssrc").asLong()).isEqualTo(videoOut);
            JsonNode last = video.path("client").get(video.path("client").size() - 1);
            assertThat(video.path("client")).hasSize(2);
            assertThat(last.path("intervalMillis").asLong()).isPositive();
            assertThat(last.path("lossPercent").asDouble()).isCloseTo(10.0 * 100 / 110,
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(last.path("freezeCount").asLong()).isEqualTo(2);
            assertThat(last.path("framesPerSecond").asDouble()).isPositive();
            assertThat(last.path("frameWidth").asLong()).isEqualTo(640);
            JsonNode audio = track(sub, "audio");
            JsonNode lastAudio = audio.path("client").get(audio.path("client").size() - 1);
            assertThat(lastAudio.path("concealedPercent").asDouble()).isCloseTo(5.0,
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(lastAudio.path("jitterBufferDelayMillis").asDouble()).isCloseTo(60.0,
                    org.assertj.core.api.Assertions.within(1e-6));

            JsonNode pub = report(alice.session("publish").path("resourceId").asText());
            JsonNode pubVideo = track(pub, "video");
            assertThat(pubVideo.path("ssrc").asLong()).isEqualTo(videoIn);
            assertThat(pubVideo.path("client")).hasSize(2);
            assertThat(pubVideo.path("client").get(1).path("qualityLimitationReason").asText()).isEqualTo("cpu");
            assertThat(track(pub, "audio").path("client")).as("no outbound entry for the audio SSRC").isEmpty();
        }
    }

    @Test
    void badUploadsGetATypedErrorAndTheSocketStaysUsable() {
        try (RtcParty carol = RtcParty.join(it, "client-stats-bad", "carol")) {
            ObjectNode negative = RtcClient.message("client_stats");
            negative.putArray("inbound").addObject().put("ssrc", 1).put("kind", "audio").put("packetsLost", -1);
            JsonNode error = carol.ws.request(negative);
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).contains("packetsLost");

            ObjectNode big = RtcClient.message("client_stats");
            big.put("padding", "x".repeat(20_000));
            assertThat(carol.ws.request(big).path("code").asText()).isEqualTo("frame_too_large");

            JsonNode pong = carol.ws.request(RtcClient.message("ping"));
            assertThat(pong.path("type").asText()).isEqualTo("pong");
            assertOk(carol.ws.request(RtcClient.message("client_stats")));
        }
    }

    private static ObjectNode inbound(long videoSsrc, long audioSsrc, long received, long lost, long frames,
                                      long freezes) {
        ObjectNode m = RtcClient.message("client_stats").put("currentRoundTripTime", 0.02);
        var in = m.putArray("inbound");
        in.addObject().put("ssrc", videoSsrc).put("kind", "video").put("mid", "1").put("packetsReceived", received)
                .put("packetsLost", lost).put("jitter", 0.003).put("framesDecoded", frames)
                .put("frameWidth", 640).put("frameHeight", 480).put("freezeCount", freezes)
                .put("totalFreezesDuration", 0.1 * freezes).put("jitterBufferDelay", 0.05 * frames)
                .put("jitterBufferEmittedCount", frames);
        long samples = received * 960;
        in.addObject().put("ssrc", audioSsrc).put("kind", "audio").put("mid", "0").put("packetsReceived", received)
                .put("packetsLost", 0).put("concealedSamples", lost == 0 ? 0 : 4_800)
                .put("totalSamplesReceived", samples).put("jitterBufferDelay", 0.06 * samples)
                .put("jitterBufferEmittedCount", samples);
        in.addObject().put("ssrc", 12345).put("kind", "video"); // matches nothing: ignored
        return m;
    }

    private static ObjectNode outbound(long videoSsrc, long frames) {
        ObjectNode m = RtcClient.message("client_stats");
        m.putArray("outbound").addObject().put("ssrc", videoSsrc).put("kind", "video").put("packetsSent", 10 * frames)
                .put("framesEncoded", frames).put("frameWidth", 320).put("frameHeight", 240)
                .put("qualityLimitationReason", frames == 0 ? "none" : "cpu");
        return m;
    }

    private static void assertOk(JsonNode reply) {
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ok");
    }

    private JsonNode report(String resourceId) throws Exception {
        String admin = it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(it.base + "/api/v1/sessions/"
                + resourceId + "/report")).header("Authorization", "Bearer " + admin).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode track(JsonNode report, String kind) {
        for (JsonNode t : report.path("tracks")) {
            if (kind.equals(t.path("kind").asText())) {
                return t;
            }
        }
        throw new AssertionError("no " + kind + " track in " + report);
    }
}
