package dev.onair.sfu.api;

import java.util.List;

/**
 * One identity in a room, with its live sessions and the tracks it publishes. The room-model session
 * (issue 3) will add metadata and mute state here.
 *
 * @param identity the token's {@code sub}
 * @param name     display name from the token of its most recent session, or null if none was given
 * @param sessions its sessions, oldest first
 * @param tracks   tracks its publisher session offers to the room (empty for a pure subscriber)
 */
public record ParticipantInfo(String identity, String name, List<Session> sessions, List<Track> tracks) {

    public ParticipantInfo {
        sessions = List.copyOf(sessions);
        tracks = List.copyOf(tracks);
    }

    /**
     * One session of the participant.
     *
     * @param resourceId the WHIP/WHEP resource id
     * @param kind       "publish" or "subscribe"
     * @param state      transport state, e.g. "new", "connected"
     */
    public record Session(String resourceId, String kind, String state) {
    }

    /**
     * One published track.
     *
     * @param sid  track id, as in the track_published event
     * @param kind "audio" or "video"
     */
    public record Track(String sid, String kind) {
    }
}
