package dev.onair.server.http;

/** A parsed request target. Produced by {@link RouteParser}, independent of the HTTP method. */
public sealed interface Route {

    /** Fixed endpoints. */
    enum Fixed implements Route { HEALTHZ, METRICS, STATUS, DEV_TOKEN, OPENAPI }

    /** The admin API under {@code /api/v1/rooms}; room names and identities are already validated. */
    sealed interface Admin extends Route {
    }

    /** {@code /api/v1/rooms}: list (GET) or create (POST) rooms. */
    record RoomList() implements Admin {
    }

    /** {@code /api/v1/rooms/{room}}: one room (DELETE closes it). */
    record RoomPath(String room) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/participants}: the room's participants (GET). */
    record ParticipantList(String room) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/participants/{identity}}: one participant (DELETE removes, PATCH updates). */
    record ParticipantPath(String room, String identity) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/participants/{identity}/tracks/{sid}/mute}: mute a track (POST). */
    record TrackMute(String room, String identity, String trackSid) implements Admin {
    }

    /** {@code /api/v1/sessions/{resourceId}/report}: one session's telemetry and quality scores (GET). */
    record SessionReportPath(String resourceId) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/participants/{identity}/impairment}: the network lab (GET, PUT, DELETE). */
    record ParticipantImpairment(String room, String identity) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/participants/{identity}/recording}: a flight-recorder dump (GET). */
    record ParticipantRecording(String room, String identity) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/messages}: a page of the room's chat history (GET). */
    record ChatMessages(String room) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/messages/{seq}}: one message (DELETE stores a tombstone); seq not yet checked. */
    record ChatMessage(String room, String seq) implements Admin {
    }

    /**
     * {@code /api/v1/rooms/{room}/chat/mutes/{identity}} or {@code .../chat/bans/{identity}}: mute or ban an
     * identity in the room's chat (PUT sets, DELETE lifts).
     */
    record ChatModeration(String room, boolean ban, String identity) implements Admin {
    }

    /** {@code /api/v1/rooms/{room}/chat/mutes} or {@code .../chat/bans}: who is muted or banned (GET). */
    record ChatModerationList(String room, boolean ban) implements Admin {
    }

    /** {@code /whip/{room}} or {@code /whep/{room}}: create a session. */
    record Sessions(SessionKind kind, String room) implements Route {
    }

    /** {@code /whip/{room}/{resourceId}}: one session. */
    record Resource(SessionKind kind, String room, String resourceId) implements Route {
    }

    /** A static file under the classpath folder {@code web/}; {@code path} is relative, e.g. {@code index.html}. */
    record StaticFile(String path) implements Route {
    }

    /** Not routable, with the reason. */
    record Rejected(RouteError error) implements Route {
    }
}
