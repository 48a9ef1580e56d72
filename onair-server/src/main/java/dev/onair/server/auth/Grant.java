package dev.onair.server.auth;

import java.util.Set;

/**
 * A verified token's content.
 *
 * @param identity the {@code sub} claim
 * @param name     display name or null
 * @param room     the room the token is for, or {@code *}
 * @param perms    granted permissions
 */
public record Grant(String identity, String name, String room, Set<Permission> perms) {
    public Grant {
        perms = Set.copyOf(perms);
    }

    /** True if this grant holds {@code needed}, directly or through {@link Permission#ADMIN}. */
    public boolean allows(Permission needed) {
        return perms.contains(needed) || perms.contains(Permission.ADMIN);
    }

    /** True for a wildcard grant or an exact room match. */
    public boolean coversRoom(String wanted) {
        return "*".equals(room) || room.equals(wanted);
    }
}
