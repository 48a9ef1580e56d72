package dev.onair.server.auth;

/** The outcome of {@link TokenService#verify}: a grant, or a typed error with a one-line reason. */
public sealed interface AuthResult {

    record Granted(Grant grant) implements AuthResult {
    }

    record Denied(AuthError error, String reason) implements AuthResult {
    }

    static AuthResult unauthenticated(String reason) {
        return new Denied(AuthError.UNAUTHENTICATED, reason);
    }

    static AuthResult forbidden(String reason) {
        return new Denied(AuthError.FORBIDDEN, reason);
    }
}
