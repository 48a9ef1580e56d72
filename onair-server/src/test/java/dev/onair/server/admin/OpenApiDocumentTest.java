package dev.onair.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.http.HttpServer;
import dev.onair.server.http.Route;
import dev.onair.server.http.RouteParser;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document cannot fall behind the router: every kind of {@link Route} the parser produces has a
 * sample here, and each sample's path template and methods must be in the document.
 */
class OpenApiDocumentTest {
    private static JsonNode doc;

    /** A request path the router accepts, the document path that describes it, and the methods it answers. */
    private record Sample(String uri, String template, List<String> methods) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("/healthz", "/healthz", List.of("get")),
            new Sample("/metrics", "/metrics", List.of("get")),
            new Sample("/api/v1/status", "/api/v1/status", List.of("get", "options")),
            new Sample("/api/v1/dev/token", "/api/v1/dev/token", List.of("get", "options")),
            new Sample("/api/openapi.json", "/api/openapi.json", List.of("get", "options")),
            new Sample("/whip/r", "/whip/{room}", List.of("post", "options")),
            new Sample("/whep/r", "/whep/{room}", List.of("post", "options")),
            new Sample("/whip/r/x1", "/whip/{room}/{resourceId}", List.of("delete", "patch", "options")),
            new Sample("/whep/r/x1", "/whep/{room}/{resourceId}", List.of("delete", "patch", "options")),
            new Sample("/", "/", List.of("get")),
            new Sample("/api/v1/rooms", "/api/v1/rooms", List.of("get", "post", "options")),
            new Sample("/api/v1/rooms/r", "/api/v1/rooms/{room}", List.of("get", "delete", "options")),
            new Sample("/api/v1/rooms/r/participants", "/api/v1/rooms/{room}/participants", List.of("get", "options")),
            new Sample("/api/v1/rooms/r/participants/a", "/api/v1/rooms/{room}/participants/{identity}",
                    List.of("delete", "patch", "options")),
            new Sample("/api/v1/rooms/r/participants/a/tracks/t/mute",
                    "/api/v1/rooms/{room}/participants/{identity}/tracks/{sid}/mute", List.of("post", "options")),
            new Sample("/api/v1/sessions/x1/report", "/api/v1/sessions/{resourceId}/report", List.of("get", "options")),
            new Sample("/api/v1/rooms/r/participants/a/impairment",
                    "/api/v1/rooms/{room}/participants/{identity}/impairment", List.of("get", "put", "delete", "options")),
            new Sample("/api/v1/rooms/r/participants/a/recording",
                    "/api/v1/rooms/{room}/participants/{identity}/recording", List.of("get", "options")),
            new Sample(HttpServer.WEBSOCKET_PATH, HttpServer.WEBSOCKET_PATH, List.of("get")),
            new Sample("/api/v1/rooms/r/messages", "/api/v1/rooms/{room}/messages", List.of("get", "options")),
            new Sample("/api/v1/rooms/r/messages/7", "/api/v1/rooms/{room}/messages/{seq}",
                    List.of("delete", "options")),
            new Sample("/api/v1/rooms/r/chat/mutes", "/api/v1/rooms/{room}/chat/mutes", List.of("get", "options")),
            new Sample("/api/v1/rooms/r/chat/bans", "/api/v1/rooms/{room}/chat/bans", List.of("get", "options")),
            new Sample("/api/v1/rooms/r/chat/mutes/a", "/api/v1/rooms/{room}/chat/mutes/{identity}",
                    List.of("put", "delete", "options")),
            new Sample("/api/v1/rooms/r/chat/bans/a", "/api/v1/rooms/{room}/chat/bans/{identity}",
                    List.of("put", "delete", "options")),
            new Sample("/chat", "/chat", List.of("get")));

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
            assertThat(in).as("document on the classpath").isNotNull();
            doc = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void preflightsNeedNoAuthAndAnswer204() {
        doc.get("paths").fields().forEachRemaining(path -> {
            JsonNode options = path.getValue().get("options");
            if (options != null) {
                assertThat(options.get("security")).as(path.getKey()).isEmpty();
                assertThat(options.get("responses").has("204")).as(path.getKey()).isTrue();
            }
        });
    }

    @Test
    void isOpenApi31WithBearerAuth() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        JsonNode scheme = doc.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void everyRouteKindHasASample() {
        Set<String> kinds = new HashSet<>();
        for (Sample s : SAMPLES) {
            if (!s.uri().equals(HttpServer.WEBSOCKET_PATH)) {
                Route r = RouteParser.parse(s.uri());
                assertThat(r).as(s.uri()).isNotInstanceOf(Route.Rejected.class);
                kinds.add(kindOf(r));
            }
        }
        Set<String> expected = new HashSet<>();
        collectKinds(Route.class, expected);
        expected.remove(Route.Rejected.class.getSimpleName());
        assertThat(kinds).as("add a sample (and a path in openapi.json) for each new route")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everySampleIsDescribedWithItsMethods() {
        JsonNode paths = doc.get("paths");
        for (Sample s : SAMPLES) {
            assertThat(paths.has(s.template())).as("paths has " + s.template()).isTrue();
            for (String m : s.methods()) {
                assertThat(paths.get(s.template()).has(m)).as(m + " " + s.template()).isTrue();
                assertThat(paths.get(s.template()).get(m).get("responses").size()).isPositive();
            }
        }
    }

    /** The admin paths document exactly the methods the router answers there (its Allow header). */
    @Test
    void adminPathsDocumentExactlyTheRoutersMethods() {
        for (Sample s : SAMPLES) {
            if (RouteParser.parse(s.uri()) instanceof Route.Admin admin) {
                List<String> allowed = List.of(AdminRoutes.allow(admin).toLowerCase(Locale.ROOT).split(", "));
                assertThat(s.methods()).as(s.uri()).containsExactlyInAnyOrderElementsOf(allowed);
                List<String> documented = new ArrayList<>();
                doc.get("paths").get(s.template()).fieldNames().forEachRemaining(documented::add);
                documented.remove("parameters");
                assertThat(documented).as(s.template()).containsExactlyInAnyOrderElementsOf(allowed);
            }
        }
    }

    @Test
    void everyAdminOperationDeclares401And403AndBearerAuth() {
        List<String> checked = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/rooms")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (!op.getKey().equals("parameters") && !op.getKey().equals("options")) {
                        JsonNode responses = op.getValue().get("responses");
                        assertThat(responses.has("401") && responses.has("403")).as(op.getKey() + " " + path.getKey())
                                .isTrue();
                        assertThat(op.getValue().at("/security/0").has("bearerAuth")).isTrue();
                        checked.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        });
        assertThat(checked).hasSize(20);
    }

    /** Enum constants count one by one; records and nested sealed interfaces by their simple names. */
    private static String kindOf(Route r) {
        return r instanceof Route.Fixed f ? "Fixed." + f.name() : r.getClass().getSimpleName();
    }

    private static void collectKinds(Class<?> type, Set<String> out) {
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                out.add("Fixed." + ((Enum<?>) c).name());
            }
        } else if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collectKinds(sub, out);
            }
        } else {
            out.add(type.getSimpleName());
        }
    }
}
