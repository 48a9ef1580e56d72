package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.ReceivedStream;
import dev.onair.client.WebRtcPeer;
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
 * The network lab end to end: a WHIP publisher, a WHEP subscriber, and an impairment on the subscriber's downlink
 * set through the admin API. Loss is read from the subscriber's received sequence numbers.
 */
class NetworkLabTest {
    @RegisterExtension
    static final ItServer it = new ItServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private String admin() {
        return it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(it.base + path))
                .header("Authorization", "Bearer " + admin());
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code packets} Opus packets in small batches, waiting each time until the subscriber saw the batch end. */
    private static void sendAudio(WebRtcPeer pub, WebRtcPeer sub, int packets) {
        ReceivedStream audio = Media.audio(sub);
        for (int sent = 0; sent < packets; sent += 20) {
            pub.sendOpus(20);
            // only paces the sender (a batch with more losses just waits out the deadline); loss is measured below
            long before = audio.packets();
            Media.await(() -> audio.packets() >= before + 14);
        }
    }

    @Test
    void bernoulliLossOnTheDownlinkShowsAtTheSubscriberAndStopsWhenDeleted() throws Exception {
        String room = "lab-loss";
        WebRtcPeer pub = it.publisher(room, "alice");
        WebRtcPeer sub = it.subscriber(room, "bob");
        pub.sendOpus(5);
        Media.awaitPackets(sub, sub.answer().audioSsrc(), 3);

        HttpResponse<String> put = send("PUT", "/api/v1/rooms/" + room + "/participants/bob/impairment",
                "{\"direction\":\"down\",\"scenario\":\"name: ten\\nbase: {lossProbability: 0.1}\",\"seed\":1}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).get("seed").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(put.body()).get("scenario").asText()).isEqualTo("ten");

        ReceivedStream audio = Media.audio(sub);
        long received0 = audio.packets();
        int seq0 = audio.lastSequenceNumber();
        sendAudio(pub, sub, 1200);
        long received = audio.packets() - received0;
        int span = (audio.lastSequenceNumber() - seq0) & 0xFFFF;
        double loss = 1.0 - (double) received / span;
        assertThat(span).isGreaterThanOrEqualTo(1000);
        assertThat(loss).as("loss over %d packets", span).isBetween(0.06, 0.14);

        JsonNode status = JSON.readTree(send("GET", "/api/v1/rooms/" + room + "/participants/bob/impairment", null)
                .body());
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.at("/down/drops/LOSS").asLong()).isGreaterThanOrEqualTo(span - received);
        assertThat(status.has("up")).isFalse();
        assertThat(status.at("/down/rtpDropped").asLong()).as("RTP alone, as the subscriber's sequence numbers see it")
                .isGreaterThanOrEqualTo(span - received).isLessThanOrEqualTo(status.at("/down/drops/LOSS").asLong());
        // All datagrams include RTCP and STUN besides RTP (none may have been sent in a short run).
        assertThat(status.at("/down/rtpDatagrams").asLong()).isGreaterThanOrEqualTo(span)
                .isLessThanOrEqualTo(status.at("/down/datagrams").asLong());
        JsonNode report = JSON.readTree(send("GET", "/api/v1/sessions/" + sub.resource().replaceAll(".*/", "")
                + "/report", null).body());
        assertThat(report.at("/impairment/seed").asLong()).as("the report names the impairment and its seed: %s",
                report.get("impairment")).isEqualTo(1);
        assertThat(report.at("/impairment/scenario").asText()).isEqualTo("ten");
        assertThat(report.get("impairmentPeriods")).as("one open period for the page's band").hasSize(1);
        assertThat(report.at("/impairmentPeriods/0/scenario").asText()).isEqualTo("ten");
        assertThat(report.at("/impairmentPeriods/0/fromMillis").asLong()).isPositive();
        assertThat(report.at("/impairmentPeriods/0").has("untilMillis")).as("open: no end yet").isFalse();

        assertThat(send("DELETE", "/api/v1/rooms/" + room + "/participants/bob/impairment", null).statusCode())
                .isEqualTo(200);
        JsonNode after = JSON.readTree(send("GET", "/api/v1/sessions/" + sub.resource().replaceAll(".*/", "")
                + "/report", null).body());
        assertThat(after.get("impairment").isNull()).isTrue();
        assertThat(after.at("/impairmentPeriods/0/untilMillis").asLong()).as("the period ended with the DELETE")
                .isGreaterThanOrEqualTo(after.at("/impairmentPeriods/0/fromMillis").asLong());
        long gaps = audio.sequenceGaps();
        long before = audio.packets();
        pub.sendOpus(200);
        assertThat(Media.await(() -> audio.packets() >= before + 200)).as("all 200 arrive").isTrue();
        assertThat(audio.sequenceGaps()).isEqualTo(gaps);
    }

    @Test
    void unknownPresetIs400AndUnknownParticipant404() throws Exception {
        String room = "lab-errors";
        it.publisher(room, "alice");
        HttpResponse<String> bad = send("PUT", "/api/v1/rooms/" + room + "/participants/alice/impairment",
                "{\"preset\":\"moon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown preset");
        assertThat(send("PUT", "/api/v1/rooms/" + room + "/participants/nobody/impairment",
                "{\"preset\":\"3g\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> ok = send("PUT", "/api/v1/rooms/" + room + "/participants/alice/impairment",
                "{\"direction\":\"up\",\"preset\":\"lte-good\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("preset").asText()).isEqualTo("lte-good");
        assertThat(JSON.readTree(ok.body()).has("seed")).isTrue();
    }
}
