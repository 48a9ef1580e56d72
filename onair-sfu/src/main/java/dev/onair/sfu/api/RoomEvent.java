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

    /** The first session of a room appeared. */
    record RoomStarted(String room, long atMillis) implements RoomEvent {
    }

    /** The last session of a room ended. */
    record RoomFinished(String room, long atMillis) implements RoomEvent {
    }

    /** The first session of an identity in a room appeared (a publisher replaced by a reconnect is not a join). */
    record ParticipantJoined(String room, String identity, String name, long atMillis) implements RoomEvent {
    }

    /** The last session of an identity in a room ended. */
    record ParticipantLeft(String room, String identity, String reason, long atMillis) implements RoomEvent {
    }

    /** A publisher's m-line became a track others can receive. {@code kind} is "audio" or "video". */
    record TrackPublished(String room, String identity, String trackId, String kind, long atMillis)
            implements RoomEvent {
    }

    record TrackUnpublished(String room, String identity, String trackId, String kind, long atMillis)
            implements RoomEvent {
    }

    /** The room's current speakers, loudest first; empty when nobody speaks. */
    record ActiveSpeakersChanged(String room, List<Speaker> speakers, long atMillis) implements RoomEvent {
        public ActiveSpeakersChanged {
            speakers = List.copyOf(speakers);
        }
    }

    /** One speaker: {@code level} 0.0 (silence) to 1.0 (loudest), smoothed. */
    record Speaker(String identity, double level) {
    }
}
