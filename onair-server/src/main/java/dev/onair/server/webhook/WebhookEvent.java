package dev.onair.server.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.RoomEvent;
import java.util.Optional;

/**
 * The JSON body of a webhook (documented in {@code docs/webhooks.md}):
 *
 * <pre>
 * {"id": "&lt;uuid&gt;", "event": "track_published", "createdAt": 1700000000,
 *  "room": {"name": "demo"},
 *  "participant": {"identity": "alice", "name": "Alice", "role": "host"},  (participant_* and track_* only)
 *  "track": {"sid": "TR_1", "kind": "video", "source": "camera"}}          (track_* only)
 * </pre>
 *
 * Absent parts are left out, never {@code null}.
 *
 * @param id        unique per event, the same on every retry and every URL
 * @param event     {@code room_started}, {@code room_finished}, {@code participant_joined},
 *                  {@code participant_left}, {@code track_published} or {@code track_unpublished}
 * @param createdAt when the SFU saw the event, Unix seconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "event", "createdAt", "room", "participant", "track"})
public record WebhookEvent(String id, String event, long createdAt, Room room, Participant participant,
                           Track track) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Room(String name) {
    }

    /**
     * {@code name} is the display name given at join, {@code role} ({@code host}, {@code participant} or
     * {@code viewer}) the role it joined with; both only on {@code participant_joined} ({@code name} only when
     * there is one).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"identity", "name", "role"})
    public record Participant(String identity, String name, String role) {
        /** Only an identity (participant_left, track events). */
        public Participant(String identity) {
            this(identity, null, null);
        }
    }

    /**
     * {@code kind} is {@code audio} or {@code video}; {@code source} is {@code camera}, {@code microphone},
     * {@code screen} or {@code screen_audio}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sid", "kind", "source"})
    public record Track(String sid, String kind, String source) {
        static Track of(ParticipantInfo.Track t) {
            return new Track(t.sid(), t.kind(), t.source() == null ? null : t.source().wireName());
        }
    }

    /** The webhook for a room event; empty for events that are not sent (active speakers). */
    public static Optional<WebhookEvent> from(RoomEvent e, String id) {
        long createdAt = Math.floorDiv(e.atMillis(), 1000L);
        Room room = new Room(e.room());
        WebhookEvent out = null;
        if (e instanceof RoomEvent.RoomStarted) {
            out = new WebhookEvent(id, "room_started", createdAt, room, null, null);
        } else if (e instanceof RoomEvent.RoomFinished) {
            out = new WebhookEvent(id, "room_finished", createdAt, room, null, null);
        } else if (e instanceof RoomEvent.ParticipantJoined j) {
            ParticipantRole role = j.participant().role();
            out = new WebhookEvent(id, "participant_joined", createdAt, room,
                    new Participant(j.identity(), j.name(), role == null ? null : role.wireName()), null);
        } else if (e instanceof RoomEvent.ParticipantLeft l) {
            out = new WebhookEvent(id, "participant_left", createdAt, room, new Participant(l.identity()), null);
        } else if (e instanceof RoomEvent.TrackPublished p) {
            out = new WebhookEvent(id, "track_published", createdAt, room, new Participant(p.identity()),
                    Track.of(p.track()));
        } else if (e instanceof RoomEvent.TrackUnpublished u) {
            out = new WebhookEvent(id, "track_unpublished", createdAt, room, new Participant(u.identity()),
                    Track.of(u.track()));
        }
        return Optional.ofNullable(out);
    }

    /** The UTF-8 JSON body. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise webhook " + id, e);
        }
    }
}
