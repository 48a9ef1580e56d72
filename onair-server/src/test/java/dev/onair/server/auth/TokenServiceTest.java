package dev.onair.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SECRET = "k".repeat(32);
    private static final Map<String, String> KEYS = Map.of("k1", SECRET, "k2", "z".repeat(40));

    private static TokenService at(Instant now) {
        return new TokenService(KEYS, "k1", Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TokenSpec spec(String room, Permission... perms) {
        return new TokenSpec(room, "bob", "Bob", EnumSet.of(perms[0], perms), Duration.ofMinutes(10));
    }

    @Test
    void mintedTokenCarriesTheClaims() throws Exception {
        String token = at(NOW).mint(spec("studio", Permission.PUBLISH, Permission.CHAT));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("k1");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("bob");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("room")).isEqualTo("studio");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("perms")).containsExactly("publish", "chat");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void verifyGrantsMatchingRoomAndPermission() {
        TokenService ts = at(NOW);
        AuthResult r = ts.verify("Bearer " + ts.mint(spec("studio", Permission.PUBLISH)), "studio", Permission.PUBLISH);
        assertThat(r).isEqualTo(new AuthResult.Granted(
                new Grant("bob", "Bob", "studio", EnumSet.of(Permission.PUBLISH))));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        TokenService ts = at(NOW);
        assertThat(ts.verify("bearer " + ts.mint(spec("a", Permission.PUBLISH)), "a", Permission.PUBLISH))
                .isInstanceOf(AuthResult.Granted.class);
    }

    @Test
    void wildcardRoomAndAdminCoverEverything() {
        TokenService ts = at(NOW);
        String admin = "Bearer " + ts.mint(spec("*", Permission.ADMIN));
        assertThat(ts.verify(admin, "any", Permission.SUBSCRIBE)).isInstanceOf(AuthResult.Granted.class);
        assertThat(ts.verify(admin, null, Permission.ADMIN)).isInstanceOf(AuthResult.Granted.class);
    }

    @Test
    void expiryIsExclusiveWithoutLeeway() {
        String token = "Bearer " + at(NOW).mint(spec("a", Permission.PUBLISH));
        assertThat(at(NOW.plusSeconds(599)).verify(token, "a", Permission.PUBLISH)).isInstanceOf(AuthResult.Granted.class);
        assertThat(at(NOW.plusSeconds(600)).verify(token, "a", Permission.PUBLISH))
                .isEqualTo(AuthResult.unauthenticated("token expired"));
        assertThat(at(NOW.minusSeconds(1)).verify(token, "a", Permission.PUBLISH))
                .isEqualTo(AuthResult.unauthenticated("token not yet valid"));
    }

    @Test
    void tokensSignedWithAnotherConfiguredKeyVerify() {
        String token = new TokenService(KEYS, "k2", Clock.fixed(NOW, ZoneOffset.UTC)).mint(spec("a", Permission.CHAT));
        assertThat(at(NOW).verify("Bearer " + token, "a", Permission.CHAT)).isInstanceOf(AuthResult.Granted.class);
        TokenService onlyK1 = new TokenService(Map.of("k1", SECRET), "k1", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(onlyK1.verify("Bearer " + token, "a", Permission.CHAT))
                .isEqualTo(AuthResult.unauthenticated("unknown key id"));
    }

    @Test
    void forbiddenForOtherRoomOrMissingPermission() {
        TokenService ts = at(NOW);
        String token = "Bearer " + ts.mint(spec("a", Permission.SUBSCRIBE));
        assertThat(ts.verify(token, "b", Permission.SUBSCRIBE))
                .isEqualTo(AuthResult.forbidden("token is not valid for this room"));
        assertThat(ts.verify(token, "a", Permission.PUBLISH))
                .isEqualTo(AuthResult.forbidden("token lacks the publish permission"));
    }

    @Test
    void garbageIsUnauthenticatedWithReason() {
        TokenService ts = at(NOW);
        assertThat(ts.verify(null, "a", Permission.PUBLISH)).isEqualTo(AuthResult.unauthenticated("missing Authorization header"));
        assertThat(ts.verify("Bearer", "a", Permission.PUBLISH))
                .isEqualTo(AuthResult.unauthenticated("Authorization is not a Bearer token"));
        assertThat(ts.verify("Bearer a.b.c", "a", Permission.PUBLISH)).isEqualTo(AuthResult.unauthenticated("malformed token"));
        assertThat(ts.verify("Bearer " + "x".repeat(9000), "a", Permission.PUBLISH))
                .isEqualTo(AuthResult.unauthenticated("token too long"));
    }

    @Test
    void mintRejectsBadSpecsAndUnknownSigningKey() {
        assertThatThrownBy(() -> new TokenSpec("a", "b", null, EnumSet.noneOf(Permission.class), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenService(KEYS, "nope", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permissionListsParseStrictly() {
        assertThat(Permission.parseList("publish, SUBSCRIBE")).hasValue(EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE));
        assertThat(Permission.parseList("publish,fly")).isEmpty();
        assertThat(Permission.parseList("")).isEmpty();
        assertThat(Permission.parseList("publish,")).isEmpty();
    }

    /** Any Authorization value gives a result, never an exception; only our signed token is granted. */
    @FuzzTest(maxDuration = "10s")
    void verifyNeverThrows(FuzzedDataProvider data) {
        TokenService ts = at(NOW);
        String header = data.consumeRemainingAsString();
        AuthResult r = ts.verify(header, "room", Permission.PUBLISH);
        assertThat(r).isNotNull();
        if (r instanceof AuthResult.Denied d) {
            assertThat(d.reason()).isNotBlank().doesNotContain("\n");
        }
    }
}
