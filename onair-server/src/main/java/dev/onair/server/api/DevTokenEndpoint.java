package dev.onair.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.Responses;
import dev.onair.server.http.RouteParser;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/dev/token?room=R&identity=I&perms=publish,subscribe[&name=N][&kind=conference|broadcast]
 * [&metadata=M][&lab=true]} → {@code {"token": "..."}}.
 * Only in dev mode (no keys configured): anyone can get any token, which is the point of a dev server.
 * Tokens live {@link #TTL}. {@code room} may be {@code *}; {@code perms} defaults to publish,subscribe,chat;
 * {@code lab=true} adds the {@code lab} permission (the demo app's network menu).
 */
public final class DevTokenEndpoint {
    static final Duration TTL = Duration.ofHours(6);
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TokenService tokens;
    private final boolean devMode;

    public DevTokenEndpoint(TokenService tokens, boolean devMode) {
        this.tokens = tokens;
        this.devMode = devMode;
    }

    public FullHttpResponse get(FullHttpRequest request) {
        if (!devMode) {
            return Responses.error(ApiError.notFound("dev token endpoint is off: keys are configured"));
        }
        Map<String, List<String>> params;
        try {
            params = new QueryStringDecoder(request.uri()).parameters();
        } catch (RuntimeException e) {
            return Responses.error(ApiError.badRequest("malformed query string"));
        }
        String room = first(params, "room");
        String identity = first(params, "identity");
        String name = first(params, "name");
        String permsText = first(params, "perms");
        String kind = first(params, "kind");
        String metadata = first(params, "metadata");
        String lab = first(params, "lab");
        if (lab != null && !lab.equals("true") && !lab.equals("false")) {
            return Responses.error(ApiError.badRequest("lab must be true or false"));
        }
        if (kind != null && !kind.equals("conference") && !kind.equals("broadcast")) {
            return Responses.error(ApiError.badRequest("kind must be conference or broadcast"));
        }
        if (metadata != null && metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) {
            return Responses.error(ApiError.badRequest("metadata is limited to 1 KiB"));
        }
        if (room == null || !(room.equals("*") || RouteParser.ROOM.matcher(room).matches())) {
            return Responses.error(ApiError.badRequest("room must match [A-Za-z0-9_.-]{1,64} or be *"));
        }
        if (identity == null || !IDENTITY.matcher(identity).matches()) {
            return Responses.error(ApiError.badRequest("identity must match [A-Za-z0-9_.@-]{1,64}"));
        }
        if (name != null && (name.length() > 128 || name.isBlank())) {
            return Responses.error(ApiError.badRequest("name must be 1 to 128 characters"));
        }
        Optional<Set<Permission>> perms = permsText == null
                ? Optional.of(Set.of(Permission.PUBLISH, Permission.SUBSCRIBE, Permission.CHAT))
                : Permission.parseList(permsText);
        if (perms.isEmpty()) {
            return Responses.error(ApiError.badRequest("perms must be a comma list of publish, subscribe, chat, admin, lab"));
        }
        Set<Permission> granted = perms.get();
        if ("true".equals(lab)) {
            granted = java.util.EnumSet.copyOf(granted);
            granted.add(Permission.LAB);
        }
        String token = tokens.mint(new TokenSpec(room, identity, name, granted, TTL, metadata, kind));
        try {
            return Responses.body(HttpResponseStatus.OK, Responses.APPLICATION_JSON,
                    JSON.writeValueAsBytes(Map.of("token", token)));
        } catch (JsonProcessingException e) {
            return Responses.error(new ApiError(ApiError.Code.INTERNAL, "cannot encode token"));
        }
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
