package dev.onair.server.auth;

import java.util.Set;

/**
 * A verified token's content.
 *
 * @param identity the {@code sub} claim
 * @param name     display name or null
 * @param room     the room the token is for, or {@code *}
 * @param perms    granted permissions
 * @param metadata participant metadata from the {@code metadata} claim, or null
 * @param roomKind {@code conference} or {@code broadcast} from the {@code roomKind} claim, or null
 */
public record Grant(String identity, String name, String room, Set<Permission> perms, String metadata,
                    String roomKind) {
    public Grant {
        perms = Set.copyOf(perms);
    }

    public Grant(String identity, String name, String room, Set<Permission> perms) {
        this(identity, name, room, perms, null, null);
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
