package dev.onair.server.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.sfu.api.RoomEvent;
import java.util.Optional;

/**
 * The JSON body of a webhook (documented in {@code docs/webhooks.md}):
 *
 * <pre>
 * {"id": "&lt;uuid&gt;", "event": "track_published", "createdAt": 1700000000,
 *  "room": {"name": "demo"},
 *  "participant": {"identity": "alice", "name": "Alice"},   (participant_* and track_* only)
 *  "track": {"sid": "0", "kind": "video"}}                  (track_* only)
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

    /** {@code name} is the display name given at join; absent on {@code participant_left} and track events. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"identity", "name"})
    public record Participant(String identity, String name) {
    }

    /** {@code kind} is {@code audio} or {@code video}. */
    @JsonPropertyOrder({"sid", "kind"})
    public record Track(String sid, String kind) {
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
            out = new WebhookEvent(id, "participant_joined", createdAt, room,
                    new Participant(j.identity(), j.name()), null);
        } else if (e instanceof RoomEvent.ParticipantLeft l) {
            out = new WebhookEvent(id, "participant_left", createdAt, room, new Participant(l.identity(), null), null);
        } else if (e instanceof RoomEvent.TrackPublished p) {
            out = new WebhookEvent(id, "track_published", createdAt, room, new Participant(p.identity(), null),
                    new Track(p.trackId(), p.kind()));
        } else if (e instanceof RoomEvent.TrackUnpublished u) {
            out = new WebhookEvent(id, "track_unpublished", createdAt, room, new Participant(u.identity(), null),
                    new Track(u.trackId(), u.kind()));
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
