package dev.onair.server.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a token allows. {@link #ADMIN} implies every other permission. {@link #LAB} lets a joined participant
 * impair its own network over {@code /rtc} (the demo app's network menu).
 */
public enum Permission {
    PUBLISH, SUBSCRIBE, CHAT, ADMIN, LAB;

    /** The claim spelling: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a claim value; empty for anything unknown (never throws). */
    public static Optional<Permission> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Permission p : values()) {
            if (p.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a comma-separated list such as {@code publish,subscribe}; empty if any entry is unknown or the
     * list is empty.
     */
    public static Optional<Set<Permission>> parseList(String csv) {
        if (csv == null || csv.isBlank()) {
            return Optional.empty();
        }
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (String part : csv.split(",", -1)) {
            Optional<Permission> p = fromWire(part);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            out.add(p.get());
        }
        return Optional.of(out);
    }
}
