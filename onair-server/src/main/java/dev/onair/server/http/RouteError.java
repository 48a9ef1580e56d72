package dev.onair.server.http;

/** Why a request path was rejected by {@link RouteParser}; counted per reason. */
public enum RouteError {
    /** Undecodable percent escapes or a {@code .}/{@code ..} segment (400). */
    BAD_PATH,
    /** A WHIP/WHEP or admin API room name outside {@code [A-Za-z0-9_.-]{1,64}} (400). */
    BAD_ROOM,
    /** An admin API participant identity that is empty, too long or has control characters (400). */
    BAD_IDENTITY,
    /** A resource id that cannot exist (404). */
    BAD_RESOURCE,
    /** Nothing lives here (404). */
    UNKNOWN_PATH
}
