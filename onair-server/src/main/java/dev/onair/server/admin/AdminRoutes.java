package dev.onair.server.admin;

import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.server.http.Route;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.concurrent.CompletableFuture;

/** Dispatches an admin {@link Route.Admin} by method to {@link AdminEndpoint}; 405 with Allow for the rest. */
public final class AdminRoutes {
    static final String ALLOW_ROOMS = "GET, POST";
    static final String ALLOW_ROOM = "DELETE";
    static final String ALLOW_PARTICIPANTS = "GET";
    static final String ALLOW_PARTICIPANT = "DELETE, PATCH";
    static final String ALLOW_MUTE = "POST";

    private final AdminEndpoint endpoint;

    public AdminRoutes(AdminEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public CompletableFuture<FullHttpResponse> handle(Route.Admin route, FullHttpRequest request) {
        HttpMethod m = request.method();
        if (route instanceof Route.RoomList) {
            if (m.equals(HttpMethod.GET)) {
                return endpoint.listRooms(request);
            }
            return m.equals(HttpMethod.POST) ? endpoint.createRoom(request) : notAllowed(ALLOW_ROOMS);
        }
        if (route instanceof Route.RoomPath r) {
            return m.equals(HttpMethod.DELETE) ? endpoint.closeRoom(r.room(), request) : notAllowed(ALLOW_ROOM);
        }
        if (route instanceof Route.ParticipantList p) {
            return m.equals(HttpMethod.GET) ? endpoint.participants(p.room(), request) : notAllowed(ALLOW_PARTICIPANTS);
        }
        if (route instanceof Route.ParticipantPath p) {
            if (m.equals(HttpMethod.DELETE)) {
                return endpoint.removeParticipant(p.room(), p.identity(), request);
            }
            return m.equals(HttpMethod.PATCH) ? endpoint.updateParticipant(p.room(), request)
                    : notAllowed(ALLOW_PARTICIPANT);
        }
        Route.TrackMute t = (Route.TrackMute) route;
        return m.equals(HttpMethod.POST) ? endpoint.muteTrack(t.room(), request) : notAllowed(ALLOW_MUTE);
    }

    private static CompletableFuture<FullHttpResponse> notAllowed(String allow) {
        return CompletableFuture.completedFuture(Responses.error(ApiError.methodNotAllowed(allow)));
    }
}
