package dev.onair.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.sfu.api.MediaService;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin operations behind {@link AdminRoutes}. Each checks the token first (401/403, {@code admin} for the
 * room, {@code *} to list rooms), then asks the media service and answers JSON, or a one-line error through
 * {@link ApiError}. Operations that need the room model (issue 3) answer 501 rather than pretend.
 */
public final class AdminEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
    static final String CREATE_REASON = "room creation and room kinds come with the room model (issue 3); "
            + "today a room starts with its first WHIP/WHEP session";
    static final String MUTE_REASON = "muting a track needs per-track mute state, which comes with the room model "
            + "(issue 3)";
    static final String METADATA_REASON = "participant metadata comes with the room model (issue 3)";
    /** The reason each participant of a closed room leaves with (participant_left). */
    public static final String CLOSE_REASON = "room closed by an administrator";
    private static final ObjectMapper JSON = dev.onair.server.json.WireJson.mapper();

    private final MediaService media;
    private final AdminAuth auth;

    public AdminEndpoint(MediaService media, dev.onair.server.auth.TokenService tokens) {
        this.media = media;
        this.auth = new AdminAuth(tokens);
    }

    /** GET /api/v1/rooms: {@code {"rooms": [RoomInfo...]}}; needs admin for {@code *}. */
    public CompletableFuture<FullHttpResponse> listRooms(FullHttpRequest request) {
        return authorised(request, AdminAuth.ALL_ROOMS, () -> answer(media.rooms(), rooms -> json(Map.of("rooms", rooms))));
    }

    /** POST /api/v1/rooms: 400 for a bad body, else 501 (rooms start on their first session today). */
    public CompletableFuture<FullHttpResponse> createRoom(FullHttpRequest request) {
        AuthResult result = auth.check(request, null);
        if (result instanceof AuthResult.Denied denied) {
            return done(Responses.error(ApiError.of(denied.error(), denied.reason())));
        }
        CreateRoomRequest.Parsed parsed = CreateRoomRequest.parse(ByteBufUtil.getBytes(request.content()));
        if (parsed.error() != null) {
            return done(Responses.error(ApiError.badRequest(parsed.error().reason())));
        }
        if (!((AuthResult.Granted) result).grant().coversRoom(parsed.request().name())) {
            return done(Responses.error(new ApiError(ApiError.Code.FORBIDDEN, "token is not valid for this room")));
        }
        return done(Responses.error(new ApiError(ApiError.Code.NOT_IMPLEMENTED, CREATE_REASON)));
    }

    /** DELETE /api/v1/rooms/{room}: closes every session; {@code {"closed": true}} or 404. */
    public CompletableFuture<FullHttpResponse> closeRoom(String room, FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.closeRoom(room, CLOSE_REASON), closed ->
                Boolean.TRUE.equals(closed) ? json(Map.of("closed", true)) : noSuchRoom()));
    }

    /** GET /api/v1/rooms/{room}/participants: {@code {"participants": [ParticipantInfo...]}} or 404. */
    public CompletableFuture<FullHttpResponse> participants(String room, FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.participants(room), list ->
                list == null ? noSuchRoom() : json(Map.of("participants", list))));
    }

    /** DELETE /api/v1/rooms/{room}/participants/{identity}: {@code {"removedSessions": n}}, 404 when n is 0. */
    public CompletableFuture<FullHttpResponse> removeParticipant(String room, String identity,
                                                                 FullHttpRequest request) {
        return authorised(request, room, () -> answer(media.removeParticipant(room, identity), n ->
                n == null || n == 0 ? Responses.error(ApiError.notFound("no such participant in this room"))
                        : json(Map.of("removedSessions", n))));
    }

    /** POST .../participants/{identity}/tracks/{sid}/mute: 501 after the token check. */
    public CompletableFuture<FullHttpResponse> muteTrack(String room, FullHttpRequest request) {
        return authorised(request, room, () -> done(Responses.error(new ApiError(ApiError.Code.NOT_IMPLEMENTED,
                MUTE_REASON))));
    }

    /** PATCH .../participants/{identity} (metadata): 501 after the token check. */
    public CompletableFuture<FullHttpResponse> updateParticipant(String room, FullHttpRequest request) {
        return authorised(request, room, () -> done(Responses.error(new ApiError(ApiError.Code.NOT_IMPLEMENTED,
                METADATA_REASON))));
    }

    private CompletableFuture<FullHttpResponse> authorised(FullHttpRequest request, String room,
                                                           java.util.function.Supplier<CompletableFuture<FullHttpResponse>> then) {
        AuthResult result = auth.check(request, room);
        if (result instanceof AuthResult.Denied denied) {
            return done(Responses.error(ApiError.of(denied.error(), denied.reason())));
        }
        return then.get();
    }

    private static <T> CompletableFuture<FullHttpResponse> answer(CompletableFuture<T> future,
                                                                  Function<T, FullHttpResponse> ok) {
        return future.handle((value, failure) -> {
            if (failure != null) {
                LOG.warn("admin request failed in the media service: {}", failure.toString());
                return Responses.error(new ApiError(ApiError.Code.INTERNAL, "internal error"));
            }
            return ok.apply(value);
        });
    }

    private static FullHttpResponse noSuchRoom() {
        return Responses.error(ApiError.notFound("no such room"));
    }

    private static FullHttpResponse json(Object value) {
        try {
            return Responses.body(HttpResponseStatus.OK, Responses.APPLICATION_JSON, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            return Responses.error(new ApiError(ApiError.Code.INTERNAL, "cannot encode the answer"));
        }
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
