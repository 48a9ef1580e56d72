package dev.onair.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.sfu.api.MediaService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code GET /api/v1/status}: {@link MediaService#status()} as JSON. Open in dev mode; otherwise needs a token
 * with the {@code admin} permission (any room).
 */
public final class StatusEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MediaService media;
    private final TokenService tokens;
    private final boolean devMode;

    public StatusEndpoint(MediaService media, TokenService tokens, boolean devMode) {
        this.media = media;
        this.tokens = tokens;
        this.devMode = devMode;
    }

    public FullHttpResponse get(FullHttpRequest request) {
        if (!devMode) {
            AuthResult auth = tokens.verify(request.headers().get(HttpHeaderNames.AUTHORIZATION), null, Permission.ADMIN);
            if (auth instanceof AuthResult.Denied denied) {
                return Responses.error(ApiError.of(denied.error(), denied.reason()));
            }
        }
        try {
            return Responses.body(HttpResponseStatus.OK, Responses.APPLICATION_JSON, JSON.writeValueAsBytes(media.status()));
        } catch (JsonProcessingException e) {
            return Responses.error(new ApiError(ApiError.Code.INTERNAL, "cannot encode status"));
        }
    }
}
