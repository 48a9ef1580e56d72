package dev.onair.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.TrackSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shape of every event type, byte for byte (docs/webhooks.md shows the same). */
class WebhookEventTest {
    private static final long AT_MILLIS = 1_700_000_000_999L; // createdAt rounds down to whole seconds

    @Test
    void roomStarted() {
        assertThat(json(new RoomEvent.RoomStarted("demo", dev.onair.sfu.api.RoomKind.CONFERENCE, AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"room_started\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"}}");
    }

    @Test
    void roomFinished() {
        assertThat(json(new RoomEvent.RoomFinished("demo", AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"room_finished\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"}}");
    }

    @Test
    void participantJoinedCarriesTheDisplayNameAndRole() {
        assertThat(json(new RoomEvent.ParticipantJoined("demo", dev.onair.server.testing.TestEvents.participant("alice", "Alice A."), AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"participant_joined\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"},"
                        + "\"participant\":{\"identity\":\"alice\",\"name\":\"Alice A.\",\"role\":\"participant\"}}");
    }

    @Test
    void participantJoinedWithoutNameLeavesNameOut() {
        assertThat(json(new RoomEvent.ParticipantJoined("demo", dev.onair.server.testing.TestEvents.participant("alice", null), AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"participant_joined\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"},"
                        + "\"participant\":{\"identity\":\"alice\",\"role\":\"participant\"}}");
    }

    @Test
    void participantJoinedCarriesBroadcastRolesAsWireNames() {
        for (ParticipantRole role : ParticipantRole.values()) {
            ParticipantInfo p = new ParticipantInfo("v", null, role, "meta", 1000L, List.of(), List.of());
            assertThat(json(new RoomEvent.ParticipantJoined("demo", p, AT_MILLIS)))
                    .endsWith("\"participant\":{\"identity\":\"v\",\"role\":\"" + role.wireName() + "\"}}")
                    .as("metadata is not sent").doesNotContain("meta");
        }
    }

    @Test
    void participantLeft() {
        assertThat(json(new RoomEvent.ParticipantLeft("demo", "alice", "DELETE", AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"participant_left\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"},"
                        + "\"participant\":{\"identity\":\"alice\"}}");
    }

    @Test
    void trackPublished() {
        assertThat(json(new RoomEvent.TrackPublished("demo", "alice", dev.onair.server.testing.TestEvents.track("1", "video"), AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"track_published\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"},"
                        + "\"participant\":{\"identity\":\"alice\"},\"track\":{\"sid\":\"1\",\"kind\":\"video\",\"source\":\"camera\"}}");
    }

    @Test
    void trackUnpublished() {
        assertThat(json(new RoomEvent.TrackUnpublished("demo", "alice", dev.onair.server.testing.TestEvents.track("0", "audio"), AT_MILLIS))).isEqualTo(
                "{\"id\":\"e1\",\"event\":\"track_unpublished\",\"createdAt\":1700000000,\"room\":{\"name\":\"demo\"},"
                        + "\"participant\":{\"identity\":\"alice\"},\"track\":{\"sid\":\"0\",\"kind\":\"audio\",\"source\":\"microphone\"}}");
    }

    @Test
    void trackPublishedCarriesTheDeclaredSource() {
        ParticipantInfo.Track screen = new ParticipantInfo.Track("TR_s", "video", TrackSource.SCREEN, false);
        ParticipantInfo.Track screenAudio = new ParticipantInfo.Track("TR_a", "audio", TrackSource.SCREEN_AUDIO, true);
        assertThat(json(new RoomEvent.TrackPublished("demo", "alice", screen, AT_MILLIS)))
                .endsWith("\"track\":{\"sid\":\"TR_s\",\"kind\":\"video\",\"source\":\"screen\"}}");
        assertThat(json(new RoomEvent.TrackPublished("demo", "alice", screenAudio, AT_MILLIS)))
                .as("mute state is not part of the webhook")
                .endsWith("\"track\":{\"sid\":\"TR_a\",\"kind\":\"audio\",\"source\":\"screen_audio\"}}");
    }

    @Test
    void participantLeftCarriesNoRole() {
        assertThat(json(new RoomEvent.ParticipantLeft("demo", "alice", "removed", AT_MILLIS))).doesNotContain("role");
    }

    @Test
    void stringsAreJsonEscaped() {
        assertThat(json(new RoomEvent.ParticipantJoined("demo", dev.onair.server.testing.TestEvents.participant("a\"b", "line\nbreak"), AT_MILLIS)))
                .contains("\"identity\":\"a\\\"b\",\"name\":\"line\\nbreak\"");
    }

    @Test
    void activeSpeakersAreNotAWebhook() {
        RoomEvent speakers = new RoomEvent.ActiveSpeakersChanged("demo",
                List.of(new RoomEvent.Speaker("alice", 0.5)), AT_MILLIS);
        assertThat(WebhookEvent.from(speakers, "e1")).isEmpty();
    }

    private static String json(RoomEvent e) {
        WebhookEvent hook = WebhookEvent.from(e, "e1").orElseThrow();
        return new String(hook.toJson(), StandardCharsets.UTF_8);
    }
}
