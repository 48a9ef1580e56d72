package dev.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Permission;
import dev.onair.sfu.api.SessionOutcome;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** healthz, metrics, status, static files, the dev token endpoint and the media timeout, over real HTTP. */
class OpsEndpointsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthzAnswersOk() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            HttpResponse<String> r = h.get("/healthz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok\n");
        }
    }

    @Test
    void statusNeedsAdminWithKeysAndListsSessions() throws Exception {
        try (ServerHarness h = ServerHarness.withKeys()) {
            h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, h.token("studio", Permission.PUBLISH));

            assertThat(h.get("/api/v1/status").statusCode()).isEqualTo(401);
            HttpResponse<String> notAdmin = h.send(HttpRequest.newBuilder(h.uri("/api/v1/status"))
                    .header("Authorization", "Bearer " + h.token("*", Permission.PUBLISH)));
            assertThat(notAdmin.statusCode()).isEqualTo(403);

            HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/api/v1/status"))
                    .header("Authorization", "Bearer " + h.token("*", Permission.ADMIN)));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode json = JSON.readTree(r.body());
            assertThat(json.get("rooms").asInt()).isEqualTo(1);
            assertThat(json.get("publishers").asInt()).isEqualTo(1);
            assertThat(json.get("sessions").get(0).get("resourceId").asText()).isEqualTo("res1");
            assertThat(json.get("sessions").get(0).get("packetsIn").asLong()).isEqualTo(7);
        }
    }

    @Test
    void statusIsOpenInDevMode() throws Exception {
        try (ServerHarness h = ServerHarness.devMode()) {
            HttpResponse<String> r = h.get("/api/v1/status");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("sessions").isArray()).isTrue();
        }
    }

    @Test
    void metricsUsePrometheusTextFormat() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            String token = h.token("studio", Permission.PUBLISH);
            h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, token);
            h.post("/whip/studio", "text/plain", "x", token);
            h.get("/whip/bad%20room");

            HttpResponse<String> r = h.get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(r.body()).contains(
                    "# TYPE onair_rooms gauge\nonair_rooms 1\n",
                    "onair_sessions{kind=\"publish\"} 1\n",
                    "onair_sessions{kind=\"subscribe\"} 0\n",
                    "# TYPE onair_sessions_created_total counter\nonair_sessions_created_total 1\n",
                    "onair_sessions_closed_total 0\n",
                    "onair_http_requests_total{code=\"201\"} 1\n",
                    "onair_http_requests_total{code=\"415\"} 1\n",
                    "onair_http_rejected_paths_total{reason=\"bad_room\"} 1\n");
            assertThat(r.body()).doesNotContain("studio");
        }
    }

    @Test
    void staticIndexAndScriptsHaveContentTypes() {
        try (ServerHarness h = ServerHarness.devMode()) {
            HttpResponse<String> index = h.get("/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(index.body()).contains("Publish", "Watch", "/whip/{room}", "onair token");

            HttpResponse<String> js = h.get("/whip-whep.js");
            assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(js.body()).contains("export async function publish", "export async function play");
            assertThat(h.get("/publish.html").body()).contains("onair.session").contains("getUserMedia");
            assertThat(h.get("/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        }
    }

    @Test
    void traversalAndMissingFilesAreRefused() {
        try (ServerHarness h = ServerHarness.devMode()) {
            assertThat(h.get("/%2e%2e/logback.xml").statusCode()).isEqualTo(400);
            assertThat(h.get("/web/..%2flogback.xml").statusCode()).isEqualTo(400);
            assertThat(h.get("/logback.xml").statusCode()).as("outside web/").isEqualTo(404);
            assertThat(h.get("/missing.html").statusCode()).isEqualTo(404);
            assertThat(h.get("/dev").statusCode()).as("no extension").isEqualTo(404);
        }
    }

    @Test
    void devTokenEndpointIssuesVerifiableTokensInDevMode() throws Exception {
        try (ServerHarness h = ServerHarness.devMode()) {
            HttpResponse<String> r = h.get("/api/v1/dev/token?room=demo&identity=web-1&perms=publish");
            assertThat(r.statusCode()).isEqualTo(200);
            String token = JSON.readTree(r.body()).get("token").asText();
            AuthResult ok = h.server.tokens().verify("Bearer " + token, "demo", Permission.PUBLISH);
            assertThat(ok).isInstanceOfSatisfying(AuthResult.Granted.class,
                    g -> assertThat(g.grant().identity()).isEqualTo("web-1"));
            assertThat(h.server.tokens().verify("Bearer " + token, "demo", Permission.SUBSCRIBE))
                    .isInstanceOf(AuthResult.Denied.class);
            assertThat(h.post("/whip/demo", "application/sdp", ServerHarness.SDP_OFFER, token).statusCode()).isEqualTo(201);

            assertThat(h.get("/api/v1/dev/token?room=bad%20room&identity=x").statusCode()).isEqualTo(400);
            assertThat(h.get("/api/v1/dev/token?room=demo&identity=x&perms=fly").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void devTokenEndpointIsOffWithKeys() {
        try (ServerHarness h = ServerHarness.withKeys()) {
            HttpResponse<String> r = h.get("/api/v1/dev/token?room=demo&identity=web-1");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("dev token endpoint is off: keys are configured\n");
        }
    }

    @Test
    void slowMediaServiceGets503AndTheLateSessionIsClosed() {
        try (ServerHarness h = new ServerHarness(false, Duration.ofMillis(50))) {
            CompletableFuture<SessionOutcome> never = new CompletableFuture<>();
            h.media.pending = never;
            HttpResponse<String> r = h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER,
                    h.token("studio", Permission.PUBLISH));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(r.body()).isEqualTo("media service did not answer in time\n");

            never.complete(new SessionOutcome.Created("late1", "v=0"));
            assertThat(h.media.closed).containsExactly("late1");
        }
    }
}
