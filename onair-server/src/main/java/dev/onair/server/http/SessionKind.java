package dev.onair.server.http;

/** The two session endpoints: WHIP (RFC 9725) publishes, WHEP (draft-ietf-wish-whep) plays. */
public enum SessionKind {
    WHIP("whip"), WHEP("whep");

    private final String pathSegment;

    SessionKind(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The first path segment, {@code whip} or {@code whep}. */
    public String pathSegment() {
        return pathSegment;
    }

    /** The resource URL path for a session: {@code /whip/{room}/{resourceId}}. */
    public String resourcePath(String room, String resourceId) {
        return "/" + pathSegment + "/" + room + "/" + resourceId;
    }
}
