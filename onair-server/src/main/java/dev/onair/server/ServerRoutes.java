package dev.onair.server;

import dev.onair.protocol.DropCounts;
import dev.onair.server.admin.AdminRoutes;
import dev.onair.server.admin.OpenApiEndpoint;
import dev.onair.server.api.DevTokenEndpoint;
import dev.onair.server.api.MetricsEndpoint;
import dev.onair.server.api.StatusEndpoint;
import dev.onair.server.http.ApiError;
import dev.onair.server.http.HttpApi;
import dev.onair.server.http.Responses;
import dev.onair.server.http.Route;
import dev.onair.server.http.RouteError;
import dev.onair.server.http.RouteParser;
import dev.onair.server.http.StaticFiles;
import dev.onair.server.whip.SessionEndpoint;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;

/**
 * Dispatches a request by {@link Route} and method to its endpoint; answers 404/405/400 for the rest. CORS
 * preflights ({@code OPTIONS} on WHIP/WHEP, admin and {@code /api} paths) are answered here, in one place.
 */
final class ServerRoutes implements HttpApi {
    static final String PATCH_REASON = "trickle ICE and ICE restart are not supported: send a complete offer "
            + "(ICE-lite server; the server needs no client candidates)";
    private static final String ALLOW_SESSIONS = "POST, OPTIONS";
    private static final String ALLOW_RESOURCE = "DELETE, OPTIONS";
    private static final String ALLOW_GET = "GET";
    private static final String ALLOW_API_GET = "GET, OPTIONS";

    private final SessionEndpoint sessions;
    private final StatusEndpoint status;
    private final MetricsEndpoint metrics;
    private final DevTokenEndpoint devToken;
    private final StaticFiles files;
    private final AdminRoutes admin;
    private final OpenApiEndpoint openApi;
    private final DropCounts<RouteError> rejections;

    ServerRoutes(SessionEndpoint sessions, StatusEndpoint status, MetricsEndpoint metrics, DevTokenEndpoint devToken,
                 StaticFiles files, AdminRoutes admin, OpenApiEndpoint openApi, DropCounts<RouteError> rejections) {
        this.sessions = sessions;
        this.status = status;
        this.metrics = metrics;
        this.devToken = devToken;
        this.files = files;
        this.admin = admin;
        this.openApi = openApi;
        this.rejections = rejections;
    }

    @Override
    public CompletableFuture<FullHttpResponse> handle(FullHttpRequest request) {
        Route route = RouteParser.parse(request.uri());
        HttpMethod method = request.method();
        if (method.equals(HttpMethod.OPTIONS)) {
            FullHttpResponse preflight = preflight(route);
            if (preflight != null) {
                return done(preflight);
            }
        }
        if (route instanceof Route.Sessions s) {
            return method.equals(HttpMethod.POST) ? sessions.create(s.kind(), s.room(), request)
                    : done(Responses.error(ApiError.methodNotAllowed(ALLOW_SESSIONS)));
        }
        if (route instanceof Route.Resource r) {
            if (method.equals(HttpMethod.DELETE)) {
                return sessions.delete(r.kind(), r.room(), r.resourceId(), request);
            }
            if (method.equals(HttpMethod.PATCH)) {
                return done(Responses.error(new ApiError(ApiError.Code.METHOD_NOT_ALLOWED, PATCH_REASON, ALLOW_RESOURCE)));
            }
            return done(Responses.error(ApiError.methodNotAllowed(ALLOW_RESOURCE)));
        }
        if (route instanceof Route.Admin a) {
            return admin.handle(a, request);
        }
        if (route instanceof Route.Rejected rejected) {
            rejections.increment(rejected.error());
            return done(Responses.error(rejection(rejected.error())));
        }
        if (!method.equals(HttpMethod.GET)) {
            return done(Responses.error(route instanceof Route.StaticFile ? ApiError.notFound("not found")
                    : ApiError.methodNotAllowed(isApi(route) ? ALLOW_API_GET : ALLOW_GET)));
        }
        return done(get(route, request));
    }

    /**
     * The CORS preflight (204) for a path a browser may call across origins: WHIP/WHEP, the admin API and the
     * JSON endpoints under {@code /api}; null for every other path (its OPTIONS gets 404/405 as usual).
     */
    private static FullHttpResponse preflight(Route route) {
        if (route instanceof Route.Sessions || route instanceof Route.Resource) {
            return Responses.preflight();
        }
        if (route instanceof Route.Admin a) {
            return Responses.apiPreflight(AdminRoutes.allow(a));
        }
        return isApi(route) ? Responses.apiPreflight(ALLOW_API_GET) : null;
    }

    /** The fixed JSON endpoints under {@code /api}, which browsers may call from other origins. */
    private static boolean isApi(Route route) {
        return route == Route.Fixed.STATUS || route == Route.Fixed.DEV_TOKEN || route == Route.Fixed.OPENAPI;
    }

    private FullHttpResponse get(Route route, FullHttpRequest request) {
        if (route instanceof Route.StaticFile f) {
            return files.serve(f.path()).orElseGet(() -> {
                rejections.increment(RouteError.UNKNOWN_PATH);
                return Responses.error(ApiError.notFound("not found"));
            });
        }
        return switch ((Route.Fixed) route) {
            case HEALTHZ -> Responses.text(HttpResponseStatus.OK, "ok\n");
            case METRICS -> metrics.get();
            case STATUS -> status.get(request);
            case DEV_TOKEN -> devToken.get(request);
            case OPENAPI -> openApi.get();
        };
    }

    private static ApiError rejection(RouteError error) {
        return switch (error) {
            case BAD_PATH -> ApiError.badRequest("invalid path");
            case BAD_ROOM -> ApiError.badRequest("invalid room name: use 1 to 64 of A-Z a-z 0-9 _ . -");
            case BAD_IDENTITY -> ApiError.badRequest("invalid participant identity: 1 to 128 characters, no control "
                    + "characters or '/'");
            case BAD_RESOURCE -> ApiError.notFound("no such session");
            case UNKNOWN_PATH -> ApiError.notFound("not found");
        };
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
