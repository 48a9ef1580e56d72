package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.sfu.api.JoinOutcome;
import dev.onair.sfu.api.NegotiationOutcome;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.RoomEvent;
import java.util.List;
import java.util.Map;

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

    ObjectNode joined(JoinOutcome.Joined j, String replyTo, long resumeWindowSeconds) {
        ObjectNode n = frame("joined", replyTo);
        n.putObject("room").put("name", j.room().name()).put("kind", j.room().kind().wireName());
        participant(n.putObject("participant"), j.you());
        ArrayNode others = n.putArray("participants");
        for (ParticipantInfo p : j.others()) {
            participant(others.addObject(), p);
        }
        n.put("viewerCount", j.viewerCount());
        n.put("resumeToken", j.resumeKey());
        n.put("resumeWindowSeconds", resumeWindowSeconds);
        n.put("resumed", j.resumed());
        return n;
    }

    ObjectNode publishAnswer(NegotiationOutcome.Answered a, String replyTo) {
        ObjectNode n = frame("publish_answer", replyTo);
        n.put("sdp", a.sdpAnswer());
        ArrayNode tracks = n.putArray("tracks");
        for (NegotiationOutcome.MidTrack t : a.tracks()) {
            ObjectNode o = tracks.addObject().put("mid", t.mid());
            track(o, t.track());
        }
        return n;
    }

    ObjectNode subscribeAnswer(NegotiationOutcome.Answered a, Map<String, String> requested, String replyTo) {
        ObjectNode n = frame("subscribe_answer", replyTo);
        n.put("sdp", a.sdpAnswer());
        ArrayNode tracks = n.putArray("tracks");
        for (NegotiationOutcome.MidTrack t : a.tracks()) {
            ObjectNode o = tracks.addObject().put("mid", t.mid());
            String sid = t.track() != null ? t.track().sid() : requested.get(t.mid());
            if (sid != null) {
                o.put("sid", sid);
            }
            o.put("state", t.state());
        }
        return n;
    }

    /** Dynacast: which simulcast layers (rids) of the publisher's track {@code sid} someone watches. */
    ObjectNode layers(String sid, List<String> activeRids) {
        ObjectNode n = frame("layers", null);
        n.put("sid", sid);
        ArrayNode active = n.putArray("active");
        activeRids.forEach(active::add);
        return n;
    }

    /** The room event as a frame, or null for events that have no frame. */
    ObjectNode event(RoomEvent e) {
        if (e instanceof RoomEvent.ParticipantJoined j) {
            ObjectNode n = frame("participant_joined", null);
            participant(n.putObject("participant"), j.participant());
            return n;
        } else if (e instanceof RoomEvent.ParticipantLeft l) {
            ObjectNode n = frame("participant_left", null);
            n.putObject("participant").put("identity", l.identity());
            n.put("reason", l.reason());
            return n;
        } else if (e instanceof RoomEvent.ParticipantUpdated u) {
            ObjectNode n = frame("participant_updated", null);
            participant(n.putObject("participant"), u.participant());
            return n;
        } else if (e instanceof RoomEvent.TrackPublished p) {
            ObjectNode n = frame("track_published", null);
            n.put("participant", p.identity());
            track(n.putObject("track"), p.track());
            return n;
        } else if (e instanceof RoomEvent.TrackUnpublished u) {
            ObjectNode n = frame("track_unpublished", null);
            n.put("participant", u.identity());
            n.putObject("track").put("sid", u.track().sid()).put("kind", u.track().kind());
            return n;
        } else if (e instanceof RoomEvent.TrackMuted m) {
            ObjectNode n = frame("track_muted", null);
            n.put("participant", m.identity());
            n.putObject("track").put("sid", m.track().sid()).put("muted", m.track().muted());
            n.put("by", m.byAdmin() ? "admin" : "self");
            return n;
        } else if (e instanceof RoomEvent.ActiveSpeakersChanged s) {
            ObjectNode n = frame("active_speakers", null);
            ArrayNode speakers = n.putArray("speakers");
            for (RoomEvent.Speaker sp : s.speakers()) {
                speakers.addObject().put("identity", sp.identity()).put("level", sp.level());
            }
            return n;
        } else if (e instanceof RoomEvent.SubscriptionStateChanged s) {
            ObjectNode n = frame("subscription_state", null);
            ArrayNode tracks = n.putArray("tracks");
            for (RoomEvent.SubscriptionState st : s.tracks()) {
                tracks.addObject().put("sid", st.sid()).put("state", st.state());
            }
            n.put("reason", s.reason());
            return n;
        } else if (e instanceof RoomEvent.ConnectionQuality q) {
            ObjectNode n = frame("connection_quality", null);
            ArrayNode participants = n.putArray("participants");
            for (RoomEvent.ParticipantQuality pq : q.participants()) {
                ObjectNode o = participants.addObject().put("identity", pq.identity()).put("tier", pq.tier());
                if (pq.score() != null) {
                    o.put("score", pq.score());
                }
            }
            return n;
        }
        return null;
    }

    static void participant(ObjectNode n, ParticipantInfo p) {
        n.put("identity", p.identity());
        if (p.name() != null) {
            n.put("name", p.name());
        }
        n.put("role", p.role().wireName());
        if (p.metadata() != null) {
            n.put("metadata", p.metadata());
        }
        ArrayNode tracks = n.putArray("tracks");
        for (ParticipantInfo.Track t : p.tracks()) {
            track(tracks.addObject(), t);
        }
    }

    static void track(ObjectNode n, ParticipantInfo.Track t) {
        if (t == null) {
            return;
        }
        n.put("sid", t.sid()).put("kind", t.kind()).put("source", t.source().wireName()).put("muted", t.muted());
    }

    String write(ObjectNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a frame we built", e);
        }
    }
}
