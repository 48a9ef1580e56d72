package dev.onair.sfu.api;

import java.util.List;

/**
 * One identity in a room: who it is, what it may do, its sessions and the tracks it publishes. The one view
 * of a participant: the admin API, the signalling snapshot and the room events all use it.
 *
 * @param identity       the token's {@code sub}
 * @param name           display name, or null
 * @param role           host, participant or viewer
 * @param metadata       application metadata (≤ 1 KiB), or null
 * @param joinedAtMillis wall-clock time it joined, Unix milliseconds
 * @param sessions       its media sessions, oldest first
 * @param tracks         the tracks it publishes, in publication order
 */
public record ParticipantInfo(String identity, String name, ParticipantRole role, String metadata,
                              long joinedAtMillis, List<Session> sessions, List<Track> tracks) {

    public ParticipantInfo {
        sessions = List.copyOf(sessions);
        tracks = List.copyOf(tracks);
    }

    /**
     * One session of the participant.
     *
     * @param resourceId the session id (the WHIP/WHEP resource id)
     * @param kind       "publish" or "subscribe"
     * @param state      transport state, e.g. "new", "connected"
     */
    public record Session(String resourceId, String kind, String state) {
    }

    /**
     * One published track.
     *
     * @param sid    track id
     * @param kind   "audio" or "video"
     * @param source camera, microphone, screen or screen_audio
     * @param muted  muted by its publisher or by an administrator
     */
    public record Track(String sid, String kind, TrackSource source, boolean muted) {
    }
}
