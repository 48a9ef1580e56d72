package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.sfu.api.RoomEvent;

/**
 * Builds the server's frames of protocol v1. Every frame is a JSON object with {@code v} and {@code type};
 * replies to a client message echo its {@code id} when it had one.
 */
final class RtcMessages {
    static final int VERSION = 1;

    private final ObjectMapper json;

    RtcMessages(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode frame(String type, String replyTo) {
        ObjectNode n = json.createObjectNode();
        n.put("v", VERSION);
        n.put("type", type);
        if (replyTo != null) {
            n.put("id", replyTo);
        }
        return n;
    }

    ObjectNode error(RtcError error, String message, String replyTo) {
        ObjectNode n = frame("error", replyTo);
        n.put("code", error.code());
        n.put("message", message);
        return n;
    }

    /** The room event as a frame, or null for events that have no frame. */
    ObjectNode event(RoomEvent e) {
        if (e instanceof RoomEvent.ParticipantJoined j) {
            ObjectNode n = frame("participant_joined", null);
            participant(n.putObject("participant"), j.identity(), j.name());
            return n;
        } else if (e instanceof RoomEvent.ParticipantLeft l) {
            ObjectNode n = frame("participant_left", null);
            n.putObject("participant").put("identity", l.identity());
            return n;
        } else if (e instanceof RoomEvent.TrackPublished p) {
            ObjectNode n = frame("track_published", null);
            track(n, p.identity(), p.trackId(), p.kind());
            return n;
        } else if (e instanceof RoomEvent.TrackUnpublished u) {
            ObjectNode n = frame("track_unpublished", null);
            track(n, u.identity(), u.trackId(), u.kind());
            return n;
        } else if (e instanceof RoomEvent.ActiveSpeakersChanged s) {
            ObjectNode n = frame("active_speakers", null);
            ArrayNode speakers = n.putArray("speakers");
            for (RoomEvent.Speaker sp : s.speakers()) {
                speakers.addObject().put("identity", sp.identity()).put("level", sp.level());
            }
            return n;
        }
        return null;
    }

    static void participant(ObjectNode n, String identity, String name) {
        n.put("identity", identity);
        if (name != null) {
            n.put("name", name);
        }
    }

    private static void track(ObjectNode n, String identity, String trackId, String kind) {
        n.put("participant", identity);
        n.putObject("track").put("sid", trackId).put("kind", kind);
    }

    String write(ObjectNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a frame we built", e);
        }
    }
}
