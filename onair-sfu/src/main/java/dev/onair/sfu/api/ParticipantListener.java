package dev.onair.sfu.api;

import java.util.List;

/**
 * How the SFU talks to one joined participant's signalling connection. Called on a media loop, in order:
 * {@link #onJoined} first, then the events this participant may see, until {@link #onRemoved} or until
 * another listener takes over (resume). Implementations must not block.
 */
public interface ParticipantListener {

    /** The join (or resume) took effect; nothing was sent to this listener before. */
    void onJoined(JoinOutcome.Joined joined);

    /** A room event visible to this participant (its own join/leave are not sent to it). */
    void onEvent(RoomEvent event);

    /** The participant is gone for a reason other than its own leave; the connection should close. */
    void onRemoved(RemovalCause cause, String reason);

    /**
     * Dynacast: of the publisher's track {@code trackSid}, only the simulcast layers {@code activeRids} (e.g.
     * {@code ["q","h"]}) are watched by someone; the publisher may stop encoding the others. An empty list means
     * nobody watches the track: the publisher pauses all its layers until a later call asks for some again.
     * Called on the media loop; must not block. The default ignores it (WHIP publishers cannot be told).
     */
    default void onPublisherLayers(String trackSid, List<String> activeRids) {
    }

    /** Why the SFU removed a participant. */
    enum RemovalCause {
        /** An administrator removed it. */
        REMOVED,
        /** An administrator closed the room. */
        ROOM_CLOSED,
        /** The same identity joined again without resuming. */
        REPLACED,
        /** Its resume window ran out (only seen by a listener that is still attached: never, in practice). */
        TIMED_OUT
    }
}
