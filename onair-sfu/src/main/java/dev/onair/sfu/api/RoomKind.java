package dev.onair.sfu.api;

import java.util.Locale;

/** How a room works: everyone publishes ({@link #CONFERENCE}) or hosts publish to viewers ({@link #BROADCAST}). */
public enum RoomKind {
    CONFERENCE, BROADCAST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null for null or anything unknown (never throws). */
    public static RoomKind fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (RoomKind k : values()) {
            if (k.wireName().equals(value)) {
                return k;
            }
        }
        return null;
    }
}
