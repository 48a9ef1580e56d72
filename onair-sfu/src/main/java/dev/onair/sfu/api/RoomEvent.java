package dev.onair.sfu.api;

import java.util.List;

/**
 * What happens in rooms, as the SFU core sees it; signalling (WebSocket events, webhooks) turns these into
 * its own messages. Identities and names come from the caller's authorised request, never from media.
 */
public sealed interface RoomEvent {

    String room();

    /** Wall-clock time of the event, Unix milliseconds. */
    long atMillis();

    /** A room was created (first participant or admin create). */
    record RoomStarted(String room, RoomKind kind, long atMillis) implements RoomEvent {
    }

    /** A room closed: empty for its empty timeout, or closed by an administrator. */
    record RoomFinished(String room, long atMillis) implements RoomEvent {
    }

    /** A participant joined (a publisher replaced by a reconnect, or a resume, is not a join). */
    record ParticipantJoined(String room, ParticipantInfo participant, long atMillis) implements RoomEvent {
        public String identity() {
            return participant.identity();
        }

        public String name() {
            return participant.name();
        }
    }

    /** A participant left, was removed, or its resume window ran out. */
    record ParticipantLeft(String room, String identity, String reason, long atMillis) implements RoomEvent {
    }

    /** A participant's name or metadata changed. */
    record ParticipantUpdated(String room, ParticipantInfo participant, long atMillis) implements RoomEvent {
    }

    /** A publisher's m-line became a track others can receive. */
    record TrackPublished(String room, String identity, ParticipantInfo.Track track, long atMillis)
            implements RoomEvent {
        public String trackId() {
            return track.sid();
        }

        public String kind() {
            return track.kind();
        }
    }

    record TrackUnpublished(String room, String identity, ParticipantInfo.Track track, long atMillis)
            implements RoomEvent {
        public String trackId() {
            return track.sid();
        }

        public String kind() {
            return track.kind();
        }
    }

    /** A track was muted or unmuted, by its publisher or by an administrator. */
    record TrackMuted(String room, String identity, ParticipantInfo.Track track, boolean byAdmin, long atMillis)
            implements RoomEvent {
    }

    /** The room's current speakers, loudest first; empty when nobody speaks. */
    record ActiveSpeakersChanged(String room, List<Speaker> speakers, long atMillis) implements RoomEvent {
        public ActiveSpeakersChanged {
            speakers = List.copyOf(speakers);
        }
    }

    /**
     * Some of one subscriber's videos were paused or resumed by the video cap. Delivered only to that
     * subscriber's listener, never to room-wide listeners.
     */
    record SubscriptionStateChanged(String room, String subscriber, List<SubscriptionState> tracks, String reason,
                                    long atMillis) implements RoomEvent {
        public SubscriptionStateChanged {
            tracks = List.copyOf(tracks);
        }
    }

    /**
     * The connection tier of the room's participants whose tier is known, every few seconds and at once when a
     * tier changes. Room-wide listeners get every participant; a participant's listener gets what it may see (in
     * a broadcast room a viewer sees only its own and the hosts').
     */
    record ConnectionQuality(String room, List<ParticipantQuality> participants, long atMillis) implements RoomEvent {
        public ConnectionQuality {
            participants = List.copyOf(participants);
        }
    }

    /**
     * One participant's connection quality: {@code tier} is excellent, good, poor or lost; {@code score} 0..100
     * or null when unknown; {@code mos} the mean audio MOS (1..4.5) of its tracks, or null when it has no audio
     * (server-side listeners only; not sent to clients).
     */
    record ParticipantQuality(String identity, String tier, Double score, Double mos) {
        /** Without an audio MOS. */
        public ParticipantQuality(String identity, String tier, Double score) {
            this(identity, tier, score, null);
        }
    }

    /** One speaker: {@code level} 0.0 (silence) to 1.0 (loudest), smoothed. */
    record Speaker(String identity, double level) {
    }

    /** A subscription's state: "active" or "paused". */
    record SubscriptionState(String sid, String state) {
    }
}
