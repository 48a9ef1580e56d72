package dev.onair.server.admin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST .../tracks/{sid}/mute}: {@code {"muted": true|false}}. {@link #parse} never throws:
 * it gives a request or a one-line error.
 *
 * @param muted true to mute the track, false to lift the administrator's mute
 */
record MuteRequest(boolean muted) {
    static final String BAD_BODY = "body must be a JSON object with a boolean: {\"muted\": true}";

    /** A parsed body, or why it is not one (exactly one of the two is non-null). */
    record Parsed(MuteRequest request, String error) {
    }

    static Parsed parse(byte[] body) {
        JsonNode root = JsonObjectBody.read(body);
        JsonNode muted = root == null ? null : root.get("muted");
        if (muted == null || !muted.isBoolean()) {
            return new Parsed(null, BAD_BODY);
        }
        return new Parsed(new MuteRequest(muted.booleanValue()), null);
    }
}
