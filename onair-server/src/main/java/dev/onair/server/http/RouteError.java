package dev.onair.server.http;

/** Why a request path was rejected by {@link RouteParser}; counted per reason. */
public enum RouteError {
    /** Undecodable percent escapes or a {@code .}/{@code ..} segment (400). */
    BAD_PATH,
    /** A WHIP/WHEP room name outside {@code [A-Za-z0-9_.-]{1,64}} (400). */
    BAD_ROOM,
    /** A resource id that cannot exist (404). */
    BAD_RESOURCE,
    /** Nothing lives here (404). */
    UNKNOWN_PATH
}
