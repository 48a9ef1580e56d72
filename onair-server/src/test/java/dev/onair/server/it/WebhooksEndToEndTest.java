package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.PeerOptions;
import dev.onair.client.WebRtcPeer;
import dev.onair.client.WhipSignalling;
import dev.onair.server.OnairServer;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.config.WebhookConfig;
import dev.onair.sfu.room.RoomPolicy;
import dev.onair.server.testing.Poll;
import dev.onair.server.testing.WebhookReceiver;
import dev.onair.server.testing.WsClient;
import dev.onair.server.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real dev-mode server with webhook URLs, a Java WHIP publisher, and local receivers. */
class WebhooksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A generous bound for a request that must not wait for webhooks (they are held for 30 s here). */
    private static final Duration FAST = Duration.ofSeconds(2);

    private static OnairServer server(String... urls) {
        return OnairServer.start(new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 10)
                .withWebhooks(WebhookConfig.of(List.of(urls))).withRooms(new RoomPolicy(0, 30_000, 9)));
    }

    private static WebRtcPeer publisher(OnairServer server, String room, String identity) throws IOException {
        String token = server.tokens().mint(new TokenSpec(room, identity, null, EnumSet.of(Permission.PUBLISH),
                Duration.ofHours(1)));
        return WebRtcPeer.create(PeerOptions.publisher(),
                WhipSignalling.whip("http://127.0.0.1:" + server.httpPort(), room, token));
    }

    @Test
    void publishAndDeleteProduceSignedWebhooksInOrder() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(); OnairServer server = server(receiver.url())) {
            try (WebRtcPeer alice = publisher(server, "hooks", "alice")) {
                alice.connect();
                Poll.until(WAIT, Duration.ofMillis(20), receiver::received, r -> r.size() >= 4);
            } // close() DELETEs the WHIP resource
            List<WebhookReceiver.Received> got = Poll.until(WAIT, Duration.ofMillis(20), receiver::received,
                    r -> r.size() >= 8);
            List<String> described = new ArrayList<>();
            for (WebhookReceiver.Received r : got) {
                assertThat(WebhookSignature.verify(ServerConfig.DEV_SECRET, r.timestamp(), r.body(), r.signature()))
                        .as("signature of %s", r.bodyText()).isTrue();
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.get("id").asText()).isEqualTo(r.eventId());
                assertThat(body.get("room").get("name").asText()).isEqualTo("hooks");
                String d = body.get("event").asText();
                if (body.has("participant")) {
                    d += " " + body.get("participant").get("identity").asText();
                    d += body.at("/participant/role").isMissingNode() ? "" : " " + body.at("/participant/role").asText();
                }
                if (body.has("track")) {
                    d += " " + body.get("track").get("kind").asText() + " " + body.get("track").get("source").asText();
                }
                described.add(d);
            }
            assertThat(described).containsExactly("room_started", "participant_joined alice participant",
                    "track_published alice audio microphone", "track_published alice video camera",
                    "track_unpublished alice audio microphone", "track_unpublished alice video camera",
                    "participant_left alice", "room_finished");
            assertThat(got).extracting(WebhookReceiver.Received::eventId).doesNotHaveDuplicates();
            String metrics = Poll.until(WAIT, Duration.ofMillis(20), () -> get(server, "/metrics"),
                    m -> m.contains("onair_webhook_deliveries_total{result=\"delivered\"} 8"));
            assertThat(metrics).contains("onair_webhook_deliveries_total{result=\"delivered\"} 8",
                    "onair_webhook_deliveries_total{result=\"dropped\"} 0");
        }
    }

    /**
     * A receiver that holds every request: the WHIP POST, the WHIP DELETE and a {@code /rtc} join each answer
     * well within {@link #FAST} while the first webhook is still held and the rest wait in the queue; once the
     * receiver answers, the queued webhooks arrive, signed.
     */
    @Test
    void aSlowReceiverDelaysNoWhipPostNoDeleteAndNoRtcJoin() throws Exception {
        try (WebhookReceiver slow = WebhookReceiver.slow(30_000); OnairServer server = server(slow.url())) {
            try (WebRtcPeer first = publisher(server, "slowhooks", "first");
                 WebRtcPeer second = publisher(server, "slowhooks", "second")) {
                first.negotiate(); // WHIP POST: room_started goes out and is held by the receiver
                List<WebhookReceiver.Received> held = Poll.until(WAIT, Duration.ofMillis(20), slow::received,
                        r -> !r.isEmpty());
                assertThat(held).as("the first webhook reached the receiver").isNotEmpty();
                String heldId = held.get(0).eventId();

                long start = System.nanoTime();
                second.negotiate(); // a second WHIP POST while the receiver is still holding the first webhook
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("WHIP POST").isLessThan(FAST);
                assertThat(second.resource()).as("201 with a Location").isNotNull();

                start = System.nanoTime();
                HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(first.resource())).DELETE()
                        .header("Authorization", "Bearer " + token(server, "slowhooks", "first")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("WHIP DELETE").isLessThan(FAST);
                assertThat(deleted.statusCode()).isEqualTo(200);

                try (WsClient ws = new WsClient(server.httpPort())) {
                    start = System.nanoTime();
                    ws.send("{\"v\":1,\"type\":\"join\",\"id\":\"j1\",\"token\":\""
                            + token(server, "slowhooks", "watcher") + "\"}");
                    JsonNode joined = ws.next("joined");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("/rtc join").isLessThan(FAST);
                    assertThat(joined.at("/room/name").asText()).isEqualTo("slowhooks");
                }

                assertThat(slow.completed()).as("all answered before the receiver answered anything").isZero();
                assertThat(slow.received()).as("only the first webhook (or its retries) reached the receiver: "
                        + "the others are still queued").extracting(WebhookReceiver.Received::eventId)
                        .containsOnly(heldId);
                slow.release();
                List<WebhookReceiver.Received> got = Poll.until(WAIT, Duration.ofMillis(20), slow::received,
                        r -> describe(r).containsAll(List.of("participant_left first", "participant_joined watcher")));
                assertThat(describe(got)).contains("room_started", "participant_joined first",
                        "participant_joined second", "participant_left first", "participant_joined watcher");
                for (WebhookReceiver.Received r : got) {
                    assertThat(WebhookSignature.verify(ServerConfig.DEV_SECRET, r.timestamp(), r.body(), r.signature()))
                            .as("signature of %s", r.bodyText()).isTrue();
                }
            }
        }
    }

    /** "event identity" per received webhook, e.g. "participant_joined alice"; "room_started" for room events. */
    private static List<String> describe(List<WebhookReceiver.Received> received) {
        List<String> out = new ArrayList<>();
        for (WebhookReceiver.Received r : received) {
            try {
                JsonNode body = JSON.readTree(r.body());
                String d = body.get("event").asText();
                out.add(body.has("participant") ? d + " " + body.at("/participant/identity").asText() : d);
            } catch (IOException e) {
                out.add("unparseable");
            }
        }
        return out;
    }

    private static String token(OnairServer server, String room, String identity) {
        return server.tokens().mint(new TokenSpec(room, identity, null,
                EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE), Duration.ofHours(1)));
    }

    private static String get(OnairServer server, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
