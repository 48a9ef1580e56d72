package dev.onair.server.auth;

/** Why a request was not authorised. Mapped to HTTP by {@code dev.onair.server.http.ApiError}. */
public enum AuthError {
    /** No usable token: missing, malformed, forged, expired, unknown key (HTTP 401). */
    UNAUTHENTICATED,
    /** A valid token that does not cover this room or permission (HTTP 403). */
    FORBIDDEN
}
