package dev.onair.server.whip;

import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.HttpServer;
import dev.onair.server.http.Responses;
import dev.onair.server.http.SessionKind;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.ResourceRef;
import dev.onair.sfu.api.SessionOutcome;
import dev.onair.sfu.api.SessionRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates (POST) and ends (DELETE) WHIP/WHEP sessions. Checks in order: token (401/403), Content-Type (415),
 * body size (413), empty body (400); then asks the media service and maps its answer once through
 * {@link ApiError#of(dev.onair.sfu.api.MediaError, String)}. A session the media service creates after the HTTP
 * request already timed out is closed again, so no orphan is left behind.
 */
public final class SessionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEndpoint.class);
    private final MediaService media;
    private final TokenService tokens;

    public SessionEndpoint(MediaService media, TokenService tokens) {
        this.media = media;
        this.tokens = tokens;
    }

    /** POST /whip/{room} or /whep/{room}: the body is a complete SDP offer. */
    public CompletableFuture<FullHttpResponse> create(SessionKind kind, String room, FullHttpRequest request) {
        AuthResult auth = tokens.verify(request.headers().get(HttpHeaderNames.AUTHORIZATION), room, permission(kind));
        if (auth instanceof AuthResult.Denied denied) {
            return fail(ApiError.of(denied.error(), denied.reason()));
        }
        if (!isSdp(request.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
            return fail(new ApiError(ApiError.Code.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/sdp"));
        }
        int length = request.content().readableBytes();
        if (length > HttpServer.MAX_BODY_BYTES) {
            return fail(new ApiError(ApiError.Code.PAYLOAD_TOO_LARGE,
                    "SDP offer too large: at most " + HttpServer.MAX_BODY_BYTES + " bytes"));
        }
        String offer = request.content().toString(StandardCharsets.UTF_8);
        if (offer.isBlank()) {
            return fail(ApiError.badRequest("empty SDP offer"));
        }
        var grant = ((AuthResult.Granted) auth).grant();
        SessionRequest sessionRequest = new SessionRequest(room, grant.identity(), grant.name(), offer);
        CompletableFuture<SessionOutcome> outcome;
        try {
            outcome = kind == SessionKind.WHIP ? media.publish(sessionRequest) : media.subscribe(sessionRequest);
        } catch (RuntimeException e) {
            LOG.warn("media service failed to start a {} session in room {}", kind, room, e);
            return fail(new ApiError(ApiError.Code.INTERNAL, "internal error"));
        }
        CompletableFuture<FullHttpResponse> response = new CompletableFuture<>();
        outcome.whenComplete((result, failure) -> {
            FullHttpResponse r = toResponse(kind, room, grant.identity(), result, failure);
            if (!response.complete(r)) {
                r.release();
                if (result instanceof SessionOutcome.Created created) {
                    LOG.info("closing {} session {}: the HTTP request timed out first", kind, created.resourceId());
                    media.close(created.resourceId());
                }
            }
        });
        return response;
    }

    /** DELETE /whip/{room}/{resource}: needs the publish (WHIP) or subscribe (WHEP) permission, or admin. */
    public CompletableFuture<FullHttpResponse> delete(SessionKind kind, String room, String resourceId,
                                                      FullHttpRequest request) {
        AuthResult auth = tokens.verify(request.headers().get(HttpHeaderNames.AUTHORIZATION), room, permission(kind));
        if (auth instanceof AuthResult.Denied denied) {
            return fail(ApiError.of(denied.error(), denied.reason()));
        }
        ResourceRef ref = media.resourceOf(resourceId);
        if (ref == null || !room.equals(ref.room()) || ref.publisher() != (kind == SessionKind.WHIP)) {
            return fail(ApiError.notFound("no such session"));
        }
        return media.close(resourceId).handle((closed, failure) -> {
            if (failure != null) {
                return Responses.error(new ApiError(ApiError.Code.INTERNAL, "internal error"));
            }
            if (Boolean.TRUE.equals(closed)) {
                LOG.debug("{} session {} in room {} ended by DELETE", kind, resourceId, room);
                return Responses.empty(HttpResponseStatus.OK);
            }
            return Responses.error(ApiError.notFound("no such session"));
        });
    }

    private static FullHttpResponse toResponse(SessionKind kind, String room, String identity, SessionOutcome result,
                                               Throwable failure) {
        if (result instanceof SessionOutcome.Created created) {
            LOG.debug("{} session {} created in room {} for {}", kind, created.resourceId(), room, identity);
            FullHttpResponse r = Responses.body(HttpResponseStatus.CREATED, Responses.APPLICATION_SDP,
                    created.sdpAnswer().getBytes(StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.LOCATION, kind.resourcePath(room, created.resourceId()));
            r.headers().set(HttpHeaderNames.ETAG, "\"" + created.resourceId() + "\"");
            return r;
        }
        if (result instanceof SessionOutcome.Rejected rejected) {
            return Responses.error(ApiError.of(rejected.error(), rejected.reason()));
        }
        LOG.warn("media service failed a {} session in room {}: {}", kind, room, String.valueOf(failure));
        return Responses.error(new ApiError(ApiError.Code.INTERNAL, "internal error"));
    }

    static Permission permission(SessionKind kind) {
        return kind == SessionKind.WHIP ? Permission.PUBLISH : Permission.SUBSCRIBE;
    }

    /** True for {@code application/sdp}, any case, with or without parameters. */
    static boolean isSdp(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mediaType = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return mediaType.equals(Responses.APPLICATION_SDP);
    }

    private static CompletableFuture<FullHttpResponse> fail(ApiError error) {
        return CompletableFuture.completedFuture(Responses.error(error));
    }
}
