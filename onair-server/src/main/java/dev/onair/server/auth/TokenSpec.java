package dev.onair.server.auth;

import java.time.Duration;
import java.util.Set;

/**
 * What to put in a new token.
 *
 * @param room     room name or {@code *}
 * @param identity becomes {@code sub}
 * @param name     display name, may be null
 * @param perms    granted permissions (at least one)
 * @param ttl      lifetime from now; becomes {@code exp}
 */
public record TokenSpec(String room, String identity, String name, Set<Permission> perms, Duration ttl) {
    public TokenSpec {
        if (room == null || room.isEmpty() || identity == null || identity.isEmpty()) {
            throw new IllegalArgumentException("room and identity are required");
        }
        if (perms == null || perms.isEmpty()) {
            throw new IllegalArgumentException("at least one permission is required");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        perms = Set.copyOf(perms);
    }
}
