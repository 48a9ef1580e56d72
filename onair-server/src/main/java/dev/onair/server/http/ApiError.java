package dev.onair.server.http;

import dev.onair.server.auth.AuthError;
import dev.onair.sfu.api.MediaError;

/**
 * Every error the HTTP API answers with, and the one place that maps error enums to HTTP status codes.
 * The reason is one line of text, sent as the {@code text/plain} body.
 *
 * @param code   what went wrong (carries the status code)
 * @param reason one line, no line breaks (sanitised by {@link Responses})
 * @param allow  value of the {@code Allow} header for 405, else null
 */
public record ApiError(Code code, String reason, String allow) {

    /** Error classes with their HTTP status. */
    public enum Code {
        BAD_REQUEST(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), METHOD_NOT_ALLOWED(405),
        CONFLICT(409), PAYLOAD_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), INTERNAL(500), NOT_IMPLEMENTED(501),
        UNAVAILABLE(503);

        private final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    /** Seconds clients should wait before retrying a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public ApiError(Code code, String reason) {
        this(code, reason, null);
    }

    public static ApiError of(MediaError error, String reason) {
        Code code = switch (error) {
            case MALFORMED_SDP, UNSUPPORTED_SDP, INVALID -> Code.BAD_REQUEST;
            case AT_CAPACITY -> Code.UNAVAILABLE;
            case NOT_FOUND -> Code.NOT_FOUND;
            case FORBIDDEN -> Code.FORBIDDEN;
            case CONFLICT -> Code.CONFLICT;
            case INTERNAL -> Code.INTERNAL;
        };
        return new ApiError(code, reason == null || reason.isBlank() ? error.name().toLowerCase() : reason);
    }

    public static ApiError of(AuthError error, String reason) {
        Code code = switch (error) {
            case UNAUTHENTICATED -> Code.UNAUTHENTICATED;
            case FORBIDDEN -> Code.FORBIDDEN;
        };
        return new ApiError(code, reason);
    }

    public static ApiError methodNotAllowed(String allow) {
        return new ApiError(Code.METHOD_NOT_ALLOWED, "method not allowed; allowed: " + allow, allow);
    }

    public static ApiError notFound(String reason) {
        return new ApiError(Code.NOT_FOUND, reason);
    }

    public static ApiError badRequest(String reason) {
        return new ApiError(Code.BAD_REQUEST, reason);
    }
}
