/**
 * Access tokens: HS256 JWTs (Nimbus JOSE+JWT) minted and verified by {@link dev.onair.server.auth.TokenService}.
 * Claims: {@code iss} = API key id, {@code sub} = identity, {@code name}, {@code room} (a name or {@code *}),
 * {@code perms} (array of {@code publish}, {@code subscribe}, {@code chat}, {@code admin}), {@code exp}
 * (required), {@code nbf} (optional). No clock-skew leeway.
 */
package dev.onair.server.auth;
