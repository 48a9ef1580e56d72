package dev.onair.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mints and verifies HS256 access tokens with Nimbus JOSE+JWT. {@link #verify} never throws on any input: every
 * failure is an {@link AuthResult.Denied} with a one-line reason. Time comes from the injected {@link Clock};
 * there is no clock-skew leeway ({@code exp} is exclusive, {@code nbf} inclusive).
 */
public final class TokenService {
    static final String CLAIM_ROOM = "room";
    static final String CLAIM_PERMS = "perms";
    static final String CLAIM_NAME = "name";
    static final String CLAIM_METADATA = "metadata";
    static final String CLAIM_ROOM_KIND = "roomKind";
    /** Longer Authorization values are refused before parsing. */
    static final int MAX_TOKEN_CHARS = 8192;
    private static final String BEARER = "bearer ";

    private final Map<String, byte[]> secretsByKeyId;
    private final String signingKeyId;
    private final Clock clock;

    /**
     * @param keys         key id to secret (UTF-8, at least 32 bytes each)
     * @param signingKeyId the key {@link #mint} signs with; must be in {@code keys}
     * @param clock        source of "now"
     */
    public TokenService(Map<String, String> keys, String signingKeyId, Clock clock) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, secret) -> copy.put(id, secret.getBytes(StandardCharsets.UTF_8)));
        if (!copy.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("signing key id " + signingKeyId + " is not configured");
        }
        this.secretsByKeyId = Map.copyOf(copy);
        this.signingKeyId = signingKeyId;
        this.clock = clock;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** A signed compact JWT for {@code spec}, issued now, with {@code iss} and header {@code kid} = signing key id. */
    public String mint(TokenSpec spec) {
        Instant now = clock.instant();
        List<String> perms = spec.perms().stream().sorted().map(Permission::wireName).toList();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(signingKeyId)
                .subject(spec.identity())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(spec.ttl())))
                .claim(CLAIM_ROOM, spec.room())
                .claim(CLAIM_PERMS, perms);
        if (spec.name() != null) {
            claims.claim(CLAIM_NAME, spec.name());
        }
        if (spec.metadata() != null) {
            claims.claim(CLAIM_METADATA, spec.metadata());
        }
        if (spec.roomKind() != null) {
            claims.claim(CLAIM_ROOM_KIND, spec.roomKind());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKeyId).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new MACSigner(secretsByKeyId.get(signingKeyId)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * Checks an {@code Authorization} header value for access to {@code room} with {@code needed}.
     *
     * @param bearerHeaderValue the raw header value, may be null
     * @param room              the room being accessed, or null for room-less resources (status)
     * @param needed            the permission the request needs
     */
    public AuthResult verify(String bearerHeaderValue, String room, Permission needed) {
        try {
            return verifyUnchecked(bearerHeaderValue, room, needed);
        } catch (RuntimeException e) {
            return AuthResult.unauthenticated("malformed token");
        }
    }

    private AuthResult verifyUnchecked(String header, String room, Permission needed) {
        if (header == null || header.isBlank()) {
            return AuthResult.unauthenticated("missing Authorization header");
        }
        if (header.length() > MAX_TOKEN_CHARS) {
            return AuthResult.unauthenticated("token too long");
        }
        if (header.length() < BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return AuthResult.unauthenticated("Authorization is not a Bearer token");
        }
        String token = header.substring(BEARER.length()).trim();
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return AuthResult.unauthenticated("malformed token");
        }
        if (jwt instanceof PlainJWT) {
            return AuthResult.unauthenticated("unsigned token (alg none) rejected");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return AuthResult.unauthenticated("encrypted tokens are not supported");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!JWSAlgorithm.HS256.equals(alg)) {
            return AuthResult.unauthenticated("unsupported token algorithm " + alg + ": only HS256");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return AuthResult.unauthenticated("malformed token claims");
        }
        return checkSignatureAndClaims(signed, claims, room, needed);
    }

    private AuthResult checkSignatureAndClaims(SignedJWT signed, JWTClaimsSet claims, String room, Permission needed) {
        String keyId = claims.getIssuer();
        if (keyId == null) {
            return AuthResult.unauthenticated("token has no iss (key id)");
        }
        byte[] secret = secretsByKeyId.get(keyId);
        String kid = signed.getHeader().getKeyID();
        if (secret == null || (kid != null && !kid.equals(keyId))) {
            return AuthResult.unauthenticated("unknown key id");
        }
        try {
            if (!signed.verify(new MACVerifier(secret))) {
                return AuthResult.unauthenticated("bad token signature");
            }
        } catch (JOSEException e) {
            return AuthResult.unauthenticated("bad token signature");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return AuthResult.unauthenticated("token has no exp");
        }
        if (!now.isBefore(exp.toInstant())) {
            return AuthResult.unauthenticated("token expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant())) {
            return AuthResult.unauthenticated("token not yet valid");
        }
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            return AuthResult.unauthenticated("token has no sub (identity)");
        }
        Optional<Grant> grant = grantOf(claims);
        if (grant.isEmpty()) {
            return AuthResult.unauthenticated("malformed room/perms/name/metadata/roomKind claims");
        }
        if (room != null && !grant.get().coversRoom(room)) {
            return AuthResult.forbidden("token is not valid for this room");
        }
        if (!grant.get().allows(needed)) {
            return AuthResult.forbidden("token lacks the " + needed.wireName() + " permission");
        }
        return new AuthResult.Granted(grant.get());
    }

    private static Optional<Grant> grantOf(JWTClaimsSet claims) {
        try {
            String tokenRoom = claims.getStringClaim(CLAIM_ROOM);
            List<String> permNames = claims.getStringListClaim(CLAIM_PERMS);
            String name = claims.getStringClaim(CLAIM_NAME);
            String metadata = claims.getStringClaim(CLAIM_METADATA);
            String roomKind = claims.getStringClaim(CLAIM_ROOM_KIND);
            if (tokenRoom == null || tokenRoom.isEmpty()) {
                return Optional.empty();
            }
            if (roomKind != null && !roomKind.equals("conference") && !roomKind.equals("broadcast")) {
                return Optional.empty();
            }
            Set<Permission> perms = EnumSet.noneOf(Permission.class);
            if (permNames != null) {
                // Unknown permission names are ignored, so newer tokens keep working on older servers.
                permNames.forEach(p -> Permission.fromWire(p).ifPresent(perms::add));
            }
            return Optional.of(new Grant(claims.getSubject(), name, tokenRoom, perms, metadata, roomKind));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
