package dev.onair.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.regex.Pattern;

/**
 * Maps a request URI to a {@link Route}. Never throws, whatever the input: bad input gives
 * {@link Route.Rejected} with a {@link RouteError}.
 *
 * <pre>
 * /healthz  /metrics  /api/v1/status  /api/v1/dev/token  /api/openapi.json
 * /api/v1/rooms[/{room}[/participants[/{identity}[/tracks/{sid}/mute | /impairment | /recording]]]]
 * /api/v1/sessions/{resourceId}/report
 * /whip/{room}   /whip/{room}/{resource}   (same for /whep)
 * /  → web/index.html     /{file}[/{file}...] → web/...
 * </pre>
 */
public final class RouteParser {
    /** Room names allowed in WHIP/WHEP paths. */
    public static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** Identities come from token subjects: any 1 to 128 characters except control characters (and '/'). */
    private static final Pattern IDENTITY = Pattern.compile("[^\\p{Cntrl}]{1,128}");
    private static final Pattern FILE_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_URI_CHARS = 2048;

    private RouteParser() {
    }

    public static Route parse(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > MAX_URI_CHARS || uri.charAt(0) != '/') {
            return new Route.Rejected(RouteError.UNKNOWN_PATH);
        }
        String path;
        try {
            path = new QueryStringDecoder(uri).path();
        } catch (RuntimeException e) {
            return new Route.Rejected(RouteError.BAD_PATH);
        }
        return parsePath(path);
    }

    private static Route parsePath(String path) {
        switch (path) {
            case "/healthz":
                return Route.Fixed.HEALTHZ;
            case "/metrics":
                return Route.Fixed.METRICS;
            case "/api/v1/status":
                return Route.Fixed.STATUS;
            case "/api/v1/dev/token":
                return Route.Fixed.DEV_TOKEN;
            case "/api/openapi.json":
                return Route.Fixed.OPENAPI;
            case "/":
                return new Route.StaticFile("index.html");
            default:
                break;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String s : segments) {
            if (s.equals("..") || s.equals(".") || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0) {
                return new Route.Rejected(RouteError.BAD_PATH);
            }
        }
        if (segments.length >= 3 && segments[0].equals("api") && segments[1].equals("v1")
                && segments[2].equals("rooms")) {
            return adminRoute(segments);
        }
        if (segments.length >= 3 && segments[0].equals("api") && segments[1].equals("v1")
                && segments[2].equals("sessions")) {
            if (segments.length != 5 || !segments[4].equals("report")) {
                return new Route.Rejected(RouteError.UNKNOWN_PATH);
            }
            return RESOURCE.matcher(segments[3]).matches() ? new Route.SessionReportPath(segments[3])
                    : new Route.Rejected(RouteError.BAD_RESOURCE);
        }
        SessionKind kind = sessionKind(segments[0]);
        if (kind != null) {
            return sessionRoute(kind, segments);
        }
        for (String s : segments) {
            if (!FILE_SEGMENT.matcher(s).matches()) {
                return new Route.Rejected(RouteError.UNKNOWN_PATH);
            }
        }
        return new Route.StaticFile(path.substring(1));
    }

    private static Route sessionRoute(SessionKind kind, String[] segments) {
        if (segments.length < 2 || segments.length > 3) {
            return new Route.Rejected(RouteError.UNKNOWN_PATH);
        }
        if (!ROOM.matcher(segments[1]).matches()) {
            return new Route.Rejected(RouteError.BAD_ROOM);
        }
        if (segments.length == 2) {
            return new Route.Sessions(kind, segments[1]);
        }
        if (!RESOURCE.matcher(segments[2]).matches()) {
            return new Route.Rejected(RouteError.BAD_RESOURCE);
        }
        return new Route.Resource(kind, segments[1], segments[2]);
    }

    /** {@code segments} starts with api, v1, rooms. */
    private static Route adminRoute(String[] segments) {
        int n = segments.length;
        if (n == 3) {
            return new Route.RoomList();
        }
        String room = segments[3];
        if (!ROOM.matcher(room).matches()) {
            return new Route.Rejected(RouteError.BAD_ROOM);
        }
        if (n == 4) {
            return new Route.RoomPath(room);
        }
        if (segments[4].equals("messages") || segments[4].equals("chat")) {
            return chatRoute(room, segments);
        }
        if (!segments[4].equals("participants") || (n == 7 && !segments[6].equals("impairment")
                && !segments[6].equals("recording")) || n > 9) {
            return new Route.Rejected(RouteError.UNKNOWN_PATH);
        }
        if (n == 5) {
            return new Route.ParticipantList(room);
        }
        String identity = segments[5];
        if (!IDENTITY.matcher(identity).matches()) {
            return new Route.Rejected(RouteError.BAD_IDENTITY);
        }
        if (n == 6) {
            return new Route.ParticipantPath(room, identity);
        }
        if (n == 7 && segments[6].equals("recording")) {
            return new Route.ParticipantRecording(room, identity);
        }
        if (n == 7) {
            return new Route.ParticipantImpairment(room, identity);
        }
        if (n == 9 && segments[6].equals("tracks") && segments[8].equals("mute")
                && RESOURCE.matcher(segments[7]).matches()) {
            return new Route.TrackMute(room, identity, segments[7]);
        }
        return new Route.Rejected(RouteError.UNKNOWN_PATH);
    }

    /** {@code segments} starts with api, v1, rooms, room, then messages or chat. */
    private static Route chatRoute(String room, String[] segments) {
        int n = segments.length;
        if (segments[4].equals("messages")) {
            if (n == 5) {
                return new Route.ChatMessages(room);
            }
            return n == 6 ? new Route.ChatMessage(room, segments[5]) : new Route.Rejected(RouteError.UNKNOWN_PATH);
        }
        if (n < 6 || n > 7 || !(segments[5].equals("mutes") || segments[5].equals("bans"))) {
            return new Route.Rejected(RouteError.UNKNOWN_PATH);
        }
        if (n == 6) {
            return new Route.ChatModerationList(room, segments[5].equals("bans"));
        }
        if (!IDENTITY.matcher(segments[6]).matches()) {
            return new Route.Rejected(RouteError.BAD_IDENTITY);
        }
        return new Route.ChatModeration(room, segments[5].equals("bans"), segments[6]);
    }

    private static SessionKind sessionKind(String segment) {
        for (SessionKind k : SessionKind.values()) {
            if (k.pathSegment().equals(segment)) {
                return k;
            }
        }
        return null;
    }
}
