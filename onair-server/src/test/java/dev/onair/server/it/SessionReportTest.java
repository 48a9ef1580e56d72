package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.WebRtcPeer;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.testing.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Java publisher and subscriber for a few seconds, then GET /api/v1/sessions/{id}/report. */
class SessionReportTest {
    @RegisterExtension
    static final ItServer it = new ItServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The Java peer sends one Opus packet every 20 ms. */
    private static final double AUDIO_PACKETS_PER_SECOND = 50;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsRatesLossAndMosOfALiveSession() throws Exception {
        String room = "report";
        String admin = it.server.tokens().mint(new TokenSpec(room, "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        WebRtcPeer pub = it.publisher(room, "alice");
        pub.startAudio();
        pub.startVideo();
        WebRtcPeer sub = it.subscriber(room, "bob");
        Media.awaitAudioVideo(sub, 20);
        String pubId = resourceId(pub);

        // Three samples of the publisher's audio: about three seconds of media after the baseline tick.
        JsonNode report = Poll.until(WAIT, () -> report(pubId, admin),
                r -> r != null && track(r, "audio").get("samples").size() >= 3);
        assertThat(report.get("kind").asText()).isEqualTo("publish");
        assertThat(report.get("room").asText()).isEqualTo(room);
        assertThat(report.get("identity").asText()).isEqualTo("alice");
        assertThat(report.has("impairment")).isTrue();
        assertThat(report.get("impairment").isNull()).isTrue();
        JsonNode audio = track(report, "audio");
        assertThat(audio.get("direction").asText()).isEqualTo("in");
        JsonNode last = audio.get("samples").get(audio.get("samples").size() - 1);
        assertThat(last.get("bitrateBps").asLong()).isPositive();
        assertThat(last.get("packetRate").asDouble()).isBetween(AUDIO_PACKETS_PER_SECOND * 0.8,
                AUDIO_PACKETS_PER_SECOND * 1.2);
        assertThat(last.get("lossPercent").asDouble()).isZero();
        assertThat(last.has("jitterMillis")).isTrue();
        assertThat(audio.at("/latest/mos").asDouble()).isGreaterThan(4.0);
        JsonNode video = track(report, "video");
        JsonNode lastVideo = video.get("samples").get(video.get("samples").size() - 1);
        assertThat(lastVideo.get("bitrateBps").asLong()).isPositive();
        assertThat(lastVideo.get("framesPerSecond").asDouble()).isPositive();
        assertThat(report.at("/quality/meanMos").asDouble()).isGreaterThan(4.0);
        assertThat(report.at("/quality/tier").asText()).isIn("excellent", "good");

        String subId = resourceId(sub);
        JsonNode subReport = Poll.until(WAIT, () -> report(subId, admin),
                r -> r != null && track(r, "audio").get("samples").size() >= 2);
        JsonNode out = track(subReport, "audio");
        assertThat(out.get("direction").asText()).isEqualTo("out");
        JsonNode lastOut = out.get("samples").get(out.get("samples").size() - 1);
        assertThat(lastOut.get("bitrateBps").asLong()).isPositive();
        assertThat(lastOut.get("packetRate").asDouble()).isBetween(AUDIO_PACKETS_PER_SECOND * 0.8,
                AUDIO_PACKETS_PER_SECOND * 1.2);
        assertThat(subReport.get("samples").size()).isPositive();

        // The subscriber's video carries the publisher's frame rate as its reference (issue 4: "frame rate and
        // resolution against the publisher's").
        JsonNode withSource = Poll.until(WAIT, () -> report(subId, admin), r -> {
            if (r == null) {
                return false;
            }
            for (JsonNode s : track(r, "video").get("samples")) {
                if (s.has("sourceFramesPerSecond") && s.get("sourceFramesPerSecond").asDouble() > 0) {
                    return true;
                }
            }
            return false;
        });
        assertThat(track(withSource, "video").get("direction").asText()).isEqualTo("out");
    }

    @Test
    void unknownSessionIs404AndAnotherRoomsTokenIs403() throws Exception {
        String admin = it.server.tokens().mint(new TokenSpec("elsewhere", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        assertThat(get("/api/v1/sessions/nope/report", admin).statusCode()).isEqualTo(404);
        WebRtcPeer pub = it.publisher("guarded", "carol");
        assertThat(get("/api/v1/sessions/" + resourceId(pub) + "/report", admin).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/sessions/" + resourceId(pub) + "/report", "bad").statusCode()).isEqualTo(401);
    }

    /** The room gauges of /metrics name the room and count its sessions. */
    @Test
    void metricsShowTheRoomGauges() throws Exception {
        WebRtcPeer pub = it.publisher("gauged", "dave");
        pub.startAudio();
        String line = "onair_room_publishers{room=\"gauged\"} 1";
        String metrics = Poll.until(WAIT, () -> it.get("/metrics"), m -> m.contains(line));
        assertThat(metrics).contains(line);
        assertThat(metrics).contains("onair_room_participants{room=\"gauged\"} 1");
        assertThat(metrics).contains("onair_room_subscribers{room=\"gauged\"} 0");
        assertThat(metrics).contains("# TYPE onair_room_mean_mos gauge");
    }

    private static String resourceId(WebRtcPeer peer) {
        return peer.resource().substring(peer.resource().lastIndexOf('/') + 1);
    }

    private static JsonNode track(JsonNode report, String kind) {
        for (JsonNode t : report.get("tracks")) {
            if (kind.equals(t.get("kind").asText())) {
                return t;
            }
        }
        throw new AssertionError("no " + kind + " track in " + report);
    }

    private JsonNode report(String id, String token) {
        try {
            HttpResponse<String> r = get("/api/v1/sessions/" + id + "/report", token);
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(it.base + path)).GET()
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
