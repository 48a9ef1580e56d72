package dev.onair.server.lab;

/** Which way of a participant's link is impaired: "up" to the server, "down" from it, or both. */
public enum LinkDirection {
    UP, DOWN, BOTH;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction for a wire name, or null. */
    public static LinkDirection of(String wire) {
        for (LinkDirection d : values()) {
            if (d.wireName().equals(wire)) {
                return d;
            }
        }
        return null;
    }

    public boolean up() {
        return this != DOWN;
    }

    public boolean down() {
        return this != UP;
    }
}
