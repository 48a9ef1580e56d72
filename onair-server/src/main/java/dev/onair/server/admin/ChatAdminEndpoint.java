package dev.onair.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.messaging.service.MessagingService;
import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.wire.ServerFrames;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.server.json.WireJson;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat admin operations (issue 6) behind {@link AdminRoutes}: a history page, delete (a tombstone), mute and ban.
 * Each checks the {@code admin} token for the room first (401/403), then the input (400 with one line). Messages are
 * written as the {@code msg} frames of {@code docs/messaging.md}. Mutes and bans hold on every node sharing the
 * server's Redis (see {@link MessagingService#mute}).
 */
public final class ChatAdminEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ChatAdminEndpoint.class);
    private static final ObjectMapper JSON = WireJson.mapper();
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    private final MessagingService service;
    private final AdminAuth auth;

    public ChatAdminEndpoint(MessagingService service, dev.onair.server.auth.TokenService tokens) {
        this.service = service;
        this.auth = new AdminAuth(tokens);
    }

    /**
     * GET /api/v1/rooms/{room}/messages?before=&lt;seq&gt;&amp;limit=&lt;1..200&gt;: {@code {"room","epoch","lastSeq",
     * "messages":[msg...]}}, newest first, below {@code before} (default: from the newest).
     */
    public CompletableFuture<FullHttpResponse> history(String room, FullHttpRequest request) {
        AuthResult a = auth.check(request, room);
        if (a instanceof AuthResult.Denied d) {
            return done(Responses.error(ApiError.of(d.error(), d.reason())));
        }
        Map<String, List<String>> q;
        try {
            q = new QueryStringDecoder(request.uri()).parameters();
        } catch (RuntimeException e) {
            return done(Responses.error(ApiError.badRequest("malformed query string")));
        }
        long before = Long.MAX_VALUE;
        int limit = DEFAULT_PAGE;
        String beforeText = first(q, "before");
        String limitText = first(q, "limit");
        if (beforeText != null) {
            before = parsePositive(beforeText);
            if (before < 1) {
                return done(Responses.error(ApiError.badRequest("before must be a positive integer (a seq)")));
            }
        }
        if (limitText != null) {
            long l = parsePositive(limitText);
            if (l < 1 || l > MAX_PAGE) {
                return done(Responses.error(ApiError.badRequest("limit must be an integer in 1.." + MAX_PAGE)));
            }
            limit = (int) l;
        }
        long from = before;
        int size = limit;
        return service.state(room).thenCompose(state -> service.history(room, from, size)
                        .thenApply(page -> page(room, state, page)))
                .toCompletableFuture().exceptionally(ChatAdminEndpoint::storeFailed);
    }

    /** DELETE /api/v1/rooms/{room}/messages/{seq}: 200 with the tombstone's seq; 404 when unknown or deleted. */
    public CompletableFuture<FullHttpResponse> delete(String room, String seqText, FullHttpRequest request) {
        AuthResult a = auth.check(request, room);
        if (a instanceof AuthResult.Denied d) {
            return done(Responses.error(ApiError.of(d.error(), d.reason())));
        }
        long seq = parsePositive(seqText);
        if (seq < 1) {
            return done(Responses.error(ApiError.badRequest("the message seq must be a positive integer")));
        }
        String by = ((AuthResult.Granted) a).grant().identity();
        CompletionStage<FullHttpResponse> r = service.deleteMessage(room, by, seq).thenApply(t -> t.isEmpty()
                ? Responses.error(ApiError.notFound("no message " + seq + " in the room's history"))
                : json("{\"targetSeq\":" + seq + ",\"seq\":" + t.get().seq() + ",\"epoch\":" + t.get().epoch()
                        + "}"));
        return r.toCompletableFuture().exceptionally(ChatAdminEndpoint::storeFailed);
    }

    /**
     * PUT/DELETE /api/v1/rooms/{room}/chat/mutes/{identity} and .../bans/{identity}: 204 once stored (503 when the
     * store failed). A ban closes the identity's chat sockets in the room with 4403, on every node.
     */
    public CompletableFuture<FullHttpResponse> moderate(String room, boolean ban, String identity, boolean on,
                                                        FullHttpRequest request) {
        AuthResult a = auth.check(request, room);
        if (a instanceof AuthResult.Denied d) {
            return done(Responses.error(ApiError.of(d.error(), d.reason())));
        }
        CompletionStage<Void> stored = ban ? service.ban(room, identity, on) : service.mute(room, identity, on);
        String by = ((AuthResult.Granted) a).grant().identity();
        return stored.thenApply(v -> {
            LOG.info("chat {} {} in room {} by {}", on ? (ban ? "ban" : "mute") : (ban ? "unban" : "unmute"),
                    identity, room, by);
            return Responses.empty(HttpResponseStatus.NO_CONTENT);
        }).toCompletableFuture().exceptionally(ChatAdminEndpoint::storeFailed);
    }

    /**
     * GET /api/v1/rooms/{room}/chat/mutes and .../chat/bans: {@code {"room","identities":[...]}}, sorted (503 when
     * the store failed).
     */
    public CompletableFuture<FullHttpResponse> moderated(String room, boolean ban, FullHttpRequest request) {
        AuthResult a = auth.check(request, room);
        if (a instanceof AuthResult.Denied d) {
            return done(Responses.error(ApiError.of(d.error(), d.reason())));
        }
        return service.moderated(room, ban).thenApply(ids -> {
            ObjectNode body = JSON.createObjectNode().put("room", room);
            ArrayNode list = body.putArray("identities");
            new TreeSet<>(ids).forEach(list::add);
            return json(body.toString());
        }).toCompletableFuture().exceptionally(ChatAdminEndpoint::storeFailed);
    }

    private static FullHttpResponse page(String room, LogState state, List<StoredMessage> messages) {
        StringBuilder b = new StringBuilder(256 + messages.size() * 128);
        b.append("{\"room\":\"").append(room).append("\",\"epoch\":").append(state.epoch())
                .append(",\"lastSeq\":").append(state.lastSeq()).append(",\"messages\":[");
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(ServerFrames.msg(messages.get(i)));
        }
        return json(b.append("]}").toString());
    }

    private static FullHttpResponse json(String body) {
        return Responses.body(HttpResponseStatus.OK, Responses.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse storeFailed(Throwable failure) {
        LOG.warn("chat admin request failed in the message store: {}", failure.toString());
        return Responses.error(new ApiError(ApiError.Code.UNAVAILABLE, "the message store is unavailable; retry"));
    }

    /** A positive decimal integer of at most 18 digits, or -1. */
    private static long parsePositive(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        long v = Long.parseLong(text);
        return v >= 1 ? v : -1;
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
