package dev.onair.server.http;

/** A parsed request target. Produced by {@link RouteParser}, independent of the HTTP method. */
public sealed interface Route {

    /** Fixed endpoints. */
    enum Fixed implements Route { HEALTHZ, METRICS, STATUS, DEV_TOKEN }

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
