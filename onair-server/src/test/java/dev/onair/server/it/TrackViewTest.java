package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.api.MediaError;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.ControlRecord;
import dev.onair.sfu.recorder.Recording;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code track_view} and {@code layers} over {@code /rtc} with Java peers: a subscriber's rendered size reaches its
 * subscriber track in the SFU (seen in its flight recorder), bad sizes and unknown tracks get typed errors while the
 * socket stays usable, and the SFU's dynacast call reaches the publisher's socket as a {@code layers} frame.
 */
class TrackViewTest {
    @RegisterExtension
    static final ItServer it = new ItServer();

    @Test
    void aViewSizeReachesTheSubscriberTrackOfThatSid() throws Exception {
        String room = "track-view";
        try (RtcParty alice = RtcParty.join(it, room, "alice").publish();
             RtcParty bob = RtcParty.join(it, room, "bob")) {
            bob.subscribe(alice.audioSid(), alice.videoSid());
            long videoOut = bob.ssrc("1");

            assertOk(bob.ws.request(view(alice.videoSid(), 640, 360)));
            assertOk(bob.ws.request(view(alice.videoSid(), 0, 0)));

            List<Integer> details = viewDetails(room, "bob", videoOut);
            assertThat(details).containsExactly(640 << 16 | 360, 0);
            assertThat(viewDetails(room, "alice", videoOut)).as("nothing on the publisher's recorder").isEmpty();
        }
    }

    @Test
    void badViewsGetTypedErrorsAndTheSocketStaysUsable() throws Exception {
        String room = "track-view-bad";
        try (RtcParty alice = RtcParty.join(it, room, "alice").publish();
             RtcParty carol = RtcParty.join(it, room, "carol")) {
            for (ObjectNode bad : List.of(view(alice.videoSid(), -1, 10), view(alice.videoSid(), 10, 16_385),
                    view(alice.videoSid(), 10, 10).put("width", 10.5), view(alice.videoSid(), 10, 10).put("height",
                    "10"), RtcClient.message("track_view").put("width", 1).put("height", 1))) {
                JsonNode error = carol.ws.request(bad);
                assertThat(error.path("type").asText()).as("%s", bad).isEqualTo("error");
                assertThat(error.path("code").asText()).as("%s", bad).isEqualTo("bad_request");
            }

            JsonNode unknown = carol.ws.request(view("TR_nope", 10, 10));
            assertThat(unknown.path("code").asText()).isEqualTo("unknown_track");
            JsonNode notSubscribed = carol.ws.request(view(alice.videoSid(), 16_384, 16_384));
            assertThat(notSubscribed.path("code").asText()).isEqualTo("unknown_track");
            assertThat(notSubscribed.path("message").asText()).contains("does not subscribe");

            assertThat(carol.ws.request(RtcClient.message("ping")).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void dynacastLayersReachThePublishersSocket() throws Exception {
        String room = "layers";
        try (RtcParty alice = RtcParty.join(it, room, "alice").publish();
             RtcParty bob = RtcParty.join(it, room, "bob")) {
            CommandResult r = it.server.media().notifyPublisherLayers(room, "alice", alice.videoSid(),
                    List.of("q", "h")).get(5, TimeUnit.SECONDS);
            assertThat(r.isOk()).as("%s", r.reason()).isTrue();
            JsonNode layers = alice.ws.awaitType("layers");
            assertThat(layers.path("sid").asText()).isEqualTo(alice.videoSid());
            assertThat(layers.path("active")).extracting(JsonNode::asText).containsExactly("q", "h");

            CommandResult none = it.server.media().notifyPublisherLayers(room, "alice", alice.videoSid(), List.of())
                    .get(5, TimeUnit.SECONDS);
            assertThat(none.isOk()).isTrue();
            alice.ws.await("layers with none active", f -> "layers".equals(f.path("type").asText())
                    && f.path("active").isArray() && f.path("active").isEmpty());

            CommandResult notHers = it.server.media().notifyPublisherLayers(room, "bob", alice.videoSid(),
                    List.of("q")).get(5, TimeUnit.SECONDS);
            assertThat(notHers.error()).isEqualTo(MediaError.NOT_FOUND);
            bob.ws.barrier();
            assertThat(bob.ws.frames("layers")).isEmpty();

            long videoIn = alice.publisher.videoSsrc();
            Recording rec = it.server.media().recording(room, "alice").get(5, TimeUnit.SECONDS);
            assertThat(rec.controls().stream().filter(c -> c.kind() == ControlKind.PUBLISHER_LAYERS)
                    .map(c -> c.ssrc() + ":" + c.detail())).containsExactly(videoIn + ":3", videoIn + ":0");
        }
    }

    private static ObjectNode view(String sid, int width, int height) {
        return RtcClient.message("track_view").put("sid", sid).put("width", width)
                .put("height", height);
    }

    private static List<Integer> viewDetails(String room, String identity, long ssrc) throws Exception {
        Recording rec = it.server.media().recording(room, identity).get(5, TimeUnit.SECONDS);
        return rec.controls().stream().filter(c -> c.kind() == ControlKind.TRACK_VIEW && c.ssrc() == ssrc)
                .map(ControlRecord::detail).toList();
    }

    private static void assertOk(JsonNode reply) {
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ok");
    }
}
