package dev.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.sfu.api.MediaError;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WHIP/WHEP over real HTTP against a fake media service: every success and error case. */
class WhipWhepHttpTest {
    private final ServerHarness h = ServerHarness.withKeys();

    @AfterEach
    void stop() {
        h.close();
    }

    private String publishToken(String room) {
        return h.token(room, Permission.PUBLISH);
    }

    private static void assertError(HttpResponse<String> r, int status, String reasonPart) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.body()).endsWith("\n").contains(reasonPart);
        assertThat(r.body().strip()).doesNotContain("\n");
    }

    @Test
    void whipPostCreatesSessionWithAnswerLocationEtagAndCors() {
        HttpResponse<String> r = h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, publishToken("studio"));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo(FakeMediaService.ANSWER);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/sdp");
        assertThat(r.headers().firstValue("Location")).hasValue("/whip/studio/res1");
        assertThat(r.headers().firstValue("ETag")).hasValue("\"res1\"");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Location, ETag, Link");
        assertThat(h.media.requests).singleElement().satisfies(req -> {
            assertThat(req.room()).isEqualTo("studio");
            assertThat(req.identity()).isEqualTo("alice");
            assertThat(req.displayName()).isEqualTo("Alice");
            assertThat(req.sdpOffer()).isEqualTo(ServerHarness.SDP_OFFER);
        });
        assertThat(h.media.status().publishers()).isEqualTo(1);
    }

    @Test
    void whepPostSubscribesAndDeleteEndsIt() {
        HttpResponse<String> r = h.post("/whep/studio", "application/sdp; charset=utf-8", ServerHarness.SDP_OFFER,
                h.token("studio", Permission.SUBSCRIBE));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/whep/studio/res1");
        assertThat(h.media.status().subscribers()).isEqualTo(1);

        String adminToken = h.token("studio", Permission.ADMIN);
        assertError(h.method("DELETE", "/whip/studio/res1", adminToken), 404, "no such session"); // a WHEP resource
        assertThat(h.media.closed).isEmpty();
        HttpResponse<String> del = h.method("DELETE", "/whep/studio/res1", h.token("studio", Permission.SUBSCRIBE));
        assertThat(del.statusCode()).isEqualTo(200);
        assertThat(h.media.closed).containsExactly("res1");
    }

    @Test
    void wrongPermissionOnWhepIsForbidden() {
        assertError(h.post("/whep/studio", "application/sdp", ServerHarness.SDP_OFFER, publishToken("studio")),
                403, "token lacks the subscribe permission");
    }

    @Test
    void badRoomNamesAre400() {
        String token = h.token("*", Permission.PUBLISH);
        assertError(h.post("/whip/bad%20room", "application/sdp", ServerHarness.SDP_OFFER, token), 400, "invalid room name");
        assertError(h.post("/whip/" + "r".repeat(65), "application/sdp", ServerHarness.SDP_OFFER, token), 400,
                "invalid room name");
        assertThat(h.media.requests).isEmpty();
    }

    @Test
    void emptyBodyIs400() {
        assertError(h.post("/whip/studio", "application/sdp", "", publishToken("studio")), 400, "empty SDP offer");
    }

    @Test
    void malformedSdpFromMediaServiceIs400WithItsReason() {
        h.media.rejectNext = MediaError.MALFORMED_SDP;
        assertError(h.post("/whip/studio", "application/sdp", "v=0\r\n", publishToken("studio")), 400,
                "fake says MALFORMED_SDP");
    }

    @Test
    void unsupportedSdpIs400AndInternalIs500() {
        h.media.rejectNext = MediaError.UNSUPPORTED_SDP;
        assertError(h.post("/whip/studio", "application/sdp", "v=0\r\n", publishToken("studio")), 400, "UNSUPPORTED_SDP");
        h.media.rejectNext = MediaError.INTERNAL;
        assertError(h.post("/whip/studio", "application/sdp", "v=0\r\n", publishToken("studio")), 500, "INTERNAL");
    }

    @Test
    void atCapacityIs503WithRetryAfter() {
        h.media.rejectNext = MediaError.AT_CAPACITY;
        HttpResponse<String> r = h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, publishToken("studio"));
        assertError(r, 503, "fake says AT_CAPACITY");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void missingOrNonBearerAuthorizationIs401() {
        assertError(h.postWithAuthorization("/whip/studio", null), 401, "missing Authorization header");
        assertError(h.postWithAuthorization("/whip/studio", "Basic YWxpY2U6c2VjcmV0"), 401, "not a Bearer token");
        assertError(h.postWithAuthorization("/whip/studio", "Bearer not.a.jwt"), 401, "malformed token");
    }

    @Test
    void forgedTokensAre401() throws JOSEException {
        JWTClaimsSet claims = claims("studio", ServerHarness.KEY_ID, Date.from(ServerHarness.NOW.plusSeconds(3600)));
        String wrongSecret = sign(JWSAlgorithm.HS256, "another-secret-that-is-long-enough-0123456789abcdef", claims);
        assertError(h.postWithAuthorization("/whip/studio", "Bearer " + wrongSecret), 401, "bad token signature");

        String hs384 = sign(JWSAlgorithm.HS384, ServerHarness.SECRET, claims);
        assertError(h.postWithAuthorization("/whip/studio", "Bearer " + hs384), 401, "only HS256");

        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
        assertError(h.postWithAuthorization("/whip/studio", "Bearer " + algNone), 401, "alg none");

        JWTClaimsSet otherIss = claims("studio", "ghost", Date.from(ServerHarness.NOW.plusSeconds(3600)));
        String unknownKey = sign(JWSAlgorithm.HS256, ServerHarness.SECRET, otherIss);
        assertError(h.postWithAuthorization("/whip/studio", "Bearer " + unknownKey), 401, "unknown key id");
        assertThat(h.media.requests).isEmpty();
    }

    @Test
    void expiredAndNotYetValidTokensAre401() {
        Clock past = Clock.fixed(ServerHarness.NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC);
        Clock future = Clock.fixed(ServerHarness.NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        TokenSpec spec = new TokenSpec("studio", "alice", null, EnumSet.of(Permission.PUBLISH), Duration.ofHours(1));
        String expired = new TokenService(Map.of(ServerHarness.KEY_ID, ServerHarness.SECRET), ServerHarness.KEY_ID, past).mint(spec);
        String early = new TokenService(Map.of(ServerHarness.KEY_ID, ServerHarness.SECRET), ServerHarness.KEY_ID, future).mint(spec);

        assertError(h.postWithAuthorization("/whip/studio", "Bearer " + expired), 401, "token expired");
        assertError(h.postWithAuthorization("/whip/studio", "Bearer " + early), 401, "token not yet valid");
    }

    @Test
    void tokenForAnotherRoomOrWithoutPublishIs403() {
        assertError(h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, publishToken("lobby")), 403,
                "not valid for this room");
        assertError(h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER,
                h.token("studio", Permission.SUBSCRIBE, Permission.CHAT)), 403, "lacks the publish permission");
    }

    @Test
    void oversizedBodiesAre413() {
        String token = publishToken("studio");
        String overAggregator = "a".repeat(65 * 1024 + 1);
        assertError(h.post("/whip/studio", "application/sdp", overAggregator, token), 413, "too large");
        String overEndpoint = "a".repeat(64 * 1024 + 1);
        assertError(h.post("/whip/studio", "application/sdp", overEndpoint, token), 413, "too large");
        assertThat(h.media.requests).isEmpty();
    }

    @Test
    void nonSdpContentTypeIs415() {
        assertError(h.post("/whip/studio", "text/plain", ServerHarness.SDP_OFFER, publishToken("studio")), 415,
                "application/sdp");
        assertError(h.post("/whip/studio", null, ServerHarness.SDP_OFFER, publishToken("studio")), 415,
                "application/sdp");
    }

    @Test
    void deleteUnknownTwiceOrOtherRoomIs404() {
        String token = publishToken("*");
        assertError(h.method("DELETE", "/whip/studio/nope", token), 404, "no such session");

        assertThat(h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, token).statusCode()).isEqualTo(201);
        assertError(h.method("DELETE", "/whip/lobby/res1", token), 404, "no such session");
        assertThat(h.method("DELETE", "/whip/studio/res1", token).statusCode()).isEqualTo(200);
        assertError(h.method("DELETE", "/whip/studio/res1", token), 404, "no such session");
    }

    @Test
    void deleteNeedsAValidTokenForTheRoom() {
        String token = publishToken("studio");
        assertThat(h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, token).statusCode()).isEqualTo(201);
        assertError(h.method("DELETE", "/whip/studio/res1", null), 401, "missing Authorization header");
        assertError(h.method("DELETE", "/whip/studio/res1", h.token("studio", Permission.SUBSCRIBE)), 403, "publish");
        assertThat(h.method("DELETE", "/whip/studio/res1", h.token("studio", Permission.ADMIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void patchIs405WithTrickleReasonAndWrongMethodsAre405WithAllow() {
        HttpResponse<String> patch = h.method("PATCH", "/whip/studio/res1", publishToken("studio"));
        assertError(patch, 405, "trickle ICE and ICE restart are not supported: send a complete offer");
        assertThat(patch.headers().firstValue("Allow")).hasValue("DELETE, OPTIONS");

        HttpResponse<String> get = h.get("/whip/studio");
        assertError(get, 405, "method not allowed");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST, OPTIONS");

        HttpResponse<String> put = h.method("PUT", "/whep/studio/res1", null);
        assertThat(put.headers().firstValue("Allow")).hasValue("DELETE, OPTIONS");
        HttpResponse<String> postHealth = h.method("POST", "/healthz", null);
        assertError(postHealth, 405, "method not allowed");
        assertThat(postHealth.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void optionsPreflightOnBothPaths() {
        for (String path : List.of("/whip/studio", "/whip/studio/res9", "/whep/studio")) {
            HttpResponse<String> r = h.method("OPTIONS", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST, DELETE, OPTIONS, PATCH");
            assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Authorization, Content-Type, If-Match");
            assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Location, ETag, Link");
            assertThat(r.headers().firstValue("Accept-Post")).hasValue("application/sdp");
        }
    }

    @Test
    void unknownPathIs404() {
        assertError(h.get("/nothing/here"), 404, "not found");
        assertError(h.get("/whip"), 404, "not found");
        assertError(h.get("/whip/a/b/c"), 404, "not found");
    }

    @Test
    void afterEveryErrorAHealthyPostStillGets201() {
        String token = publishToken("studio");
        h.post("/whip/studio", "text/plain", "x", token);
        h.post("/whip/studio", "application/sdp", "a".repeat(65 * 1024 + 1), token);
        h.postWithAuthorization("/whip/studio", "Bearer garbage");
        h.method("PATCH", "/whip/studio/x", token);
        h.media.rejectNext = MediaError.AT_CAPACITY;
        h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, token);

        HttpResponse<String> ok = h.post("/whip/studio", "application/sdp", ServerHarness.SDP_OFFER, token);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).isEqualTo(FakeMediaService.ANSWER);
    }

    private static JWTClaimsSet claims(String room, String iss, Date exp) {
        return new JWTClaimsSet.Builder().issuer(iss).subject("mallory").expirationTime(exp)
                .claim("room", room).claim("perms", List.of("publish")).build();
    }

    private static String sign(JWSAlgorithm alg, String secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
