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
 * @param metadata participant metadata (≤ 1 KiB), may be null; becomes {@code metadata}
 * @param roomKind {@code conference} or {@code broadcast} for a room this token creates, may be null
 */
public record TokenSpec(String room, String identity, String name, Set<Permission> perms, Duration ttl,
                        String metadata, String roomKind) {
    public TokenSpec(String room, String identity, String name, Set<Permission> perms, Duration ttl) {
        this(room, identity, name, perms, ttl, null, null);
    }

    public TokenSpec {
        if (roomKind != null && !roomKind.equals("conference") && !roomKind.equals("broadcast")) {
            throw new IllegalArgumentException("roomKind must be conference or broadcast");
        }
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
