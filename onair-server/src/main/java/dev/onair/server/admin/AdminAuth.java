package dev.onair.server.admin;

import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

/** Checks the Bearer token of an admin request: {@code admin} permission for a room, or for {@code *}. */
final class AdminAuth {
    /** The room a token must name to list all rooms. */
    static final String ALL_ROOMS = "*";
    private final TokenService tokens;

    AdminAuth(TokenService tokens) {
        this.tokens = tokens;
    }

    /**
     * Verifies the request's token for {@code room} (null: any room, checked later by the caller) with the
     * {@code admin} permission. Always an admin token, dev mode included.
     */
    AuthResult check(FullHttpRequest request, String room) {
        return tokens.verify(request.headers().get(HttpHeaderNames.AUTHORIZATION), room, Permission.ADMIN);
    }
}
