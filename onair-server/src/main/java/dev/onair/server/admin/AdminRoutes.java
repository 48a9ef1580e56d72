package dev.onair.server.admin;

import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.server.http.Route;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.concurrent.CompletableFuture;

/**
 * Dispatches an admin {@link Route.Admin} by method to {@link AdminEndpoint}; 405 with Allow for the rest.
 * {@code OPTIONS} (CORS preflight) is answered before this, by the server's router, with {@link #allow}.
 */
public final class AdminRoutes {
    static final String ALLOW_ROOMS = "GET, POST, OPTIONS";
    static final String ALLOW_ROOM = "GET, DELETE, OPTIONS";
    static final String ALLOW_PARTICIPANTS = "GET, OPTIONS";
    static final String ALLOW_PARTICIPANT = "DELETE, PATCH, OPTIONS";
    static final String ALLOW_MUTE = "POST, OPTIONS";
    static final String ALLOW_REPORT = "GET, OPTIONS";
    static final String ALLOW_IMPAIRMENT = "GET, PUT, DELETE, OPTIONS";
    static final String ALLOW_RECORDING = "GET, OPTIONS";
    static final String ALLOW_CHAT_MESSAGES = "GET, OPTIONS";
    static final String ALLOW_CHAT_MESSAGE = "DELETE, OPTIONS";
    static final String ALLOW_CHAT_MODERATION = "PUT, DELETE, OPTIONS";
    static final String ALLOW_CHAT_MODERATION_LIST = "GET, OPTIONS";

    private final AdminEndpoint endpoint;
    /** Null when the server runs no messaging service (the chat routes answer 404). */
    private final ChatAdminEndpoint chat;

    public AdminRoutes(AdminEndpoint endpoint) {
        this(endpoint, null);
    }

    /** With the chat history and moderation routes of {@code chat}. */
    public AdminRoutes(AdminEndpoint endpoint, ChatAdminEndpoint chat) {
        this.endpoint = endpoint;
        this.chat = chat;
    }

    /** The methods an admin path answers, {@code OPTIONS} included (the {@code Allow} header's value). */
    public static String allow(Route.Admin route) {
        if (route instanceof Route.RoomList) {
            return ALLOW_ROOMS;
        }
        if (route instanceof Route.RoomPath) {
            return ALLOW_ROOM;
        }
        if (route instanceof Route.ParticipantList) {
            return ALLOW_PARTICIPANTS;
        }
        if (route instanceof Route.SessionReportPath) {
            return ALLOW_REPORT;
        }
        if (route instanceof Route.ParticipantImpairment) {
            return ALLOW_IMPAIRMENT;
        }
        if (route instanceof Route.ParticipantRecording) {
            return ALLOW_RECORDING;
        }
        if (route instanceof Route.ChatMessages) {
            return ALLOW_CHAT_MESSAGES;
        }
        if (route instanceof Route.ChatMessage) {
            return ALLOW_CHAT_MESSAGE;
        }
        if (route instanceof Route.ChatModeration) {
            return ALLOW_CHAT_MODERATION;
        }
        if (route instanceof Route.ChatModerationList) {
            return ALLOW_CHAT_MODERATION_LIST;
        }
        return route instanceof Route.ParticipantPath ? ALLOW_PARTICIPANT : ALLOW_MUTE;
    }

    public CompletableFuture<FullHttpResponse> handle(Route.Admin route, FullHttpRequest request) {
        HttpMethod m = request.method();
        if (route instanceof Route.RoomList) {
            if (m.equals(HttpMethod.GET)) {
                return endpoint.listRooms(request);
            }
            return m.equals(HttpMethod.POST) ? endpoint.createRoom(request) : notAllowed(route);
        }
        if (route instanceof Route.RoomPath r) {
            if (m.equals(HttpMethod.GET)) {
                return endpoint.room(r.room(), request);
            }
            return m.equals(HttpMethod.DELETE) ? endpoint.closeRoom(r.room(), request) : notAllowed(route);
        }
        if (route instanceof Route.ParticipantList p) {
            return m.equals(HttpMethod.GET) ? endpoint.participants(p.room(), request) : notAllowed(route);
        }
        if (route instanceof Route.ParticipantPath p) {
            if (m.equals(HttpMethod.DELETE)) {
                return endpoint.removeParticipant(p.room(), p.identity(), request);
            }
            return m.equals(HttpMethod.PATCH) ? endpoint.updateParticipant(p.room(), p.identity(), request)
                    : notAllowed(route);
        }
        if (route instanceof Route.SessionReportPath r) {
            return m.equals(HttpMethod.GET) ? endpoint.sessionReport(r.resourceId(), request) : notAllowed(route);
        }
        if (route instanceof Route.ParticipantImpairment i) {
            if (m.equals(HttpMethod.GET)) {
                return endpoint.impairment(i.room(), i.identity(), request);
            }
            if (m.equals(HttpMethod.PUT)) {
                return endpoint.setImpairment(i.room(), i.identity(), request);
            }
            return m.equals(HttpMethod.DELETE) ? endpoint.clearImpairment(i.room(), i.identity(), request)
                    : notAllowed(route);
        }
        if (route instanceof Route.ParticipantRecording r) {
            return m.equals(HttpMethod.GET) ? endpoint.recording(r.room(), r.identity(), request) : notAllowed(route);
        }
        if (route instanceof Route.ChatMessages || route instanceof Route.ChatMessage
                || route instanceof Route.ChatModeration || route instanceof Route.ChatModerationList) {
            return chat(route, request);
        }
        Route.TrackMute t = (Route.TrackMute) route;
        return m.equals(HttpMethod.POST) ? endpoint.muteTrack(t.room(), t.identity(), t.trackSid(), request)
                : notAllowed(route);
    }

    private CompletableFuture<FullHttpResponse> chat(Route.Admin route, FullHttpRequest request) {
        HttpMethod m = request.method();
        if (chat == null) {
            return CompletableFuture.completedFuture(Responses.error(ApiError.notFound("messaging is not enabled")));
        }
        if (route instanceof Route.ChatMessages r) {
            return m.equals(HttpMethod.GET) ? chat.history(r.room(), request) : notAllowed(route);
        }
        if (route instanceof Route.ChatMessage r) {
            return m.equals(HttpMethod.DELETE) ? chat.delete(r.room(), r.seq(), request) : notAllowed(route);
        }
        if (route instanceof Route.ChatModerationList r) {
            return m.equals(HttpMethod.GET) ? chat.moderated(r.room(), r.ban(), request) : notAllowed(route);
        }
        Route.ChatModeration r = (Route.ChatModeration) route;
        if (m.equals(HttpMethod.PUT)) {
            return chat.moderate(r.room(), r.ban(), r.identity(), true, request);
        }
        return m.equals(HttpMethod.DELETE) ? chat.moderate(r.room(), r.ban(), r.identity(), false, request)
                : notAllowed(route);
    }

    private static CompletableFuture<FullHttpResponse> notAllowed(Route.Admin route) {
        return CompletableFuture.completedFuture(Responses.error(ApiError.methodNotAllowed(allow(route))));
    }
}
