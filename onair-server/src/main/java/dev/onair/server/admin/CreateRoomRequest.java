package dev.onair.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.http.RouteParser;
import dev.onair.sfu.api.RoomKind;
import java.io.IOException;

/**
 * The body of {@code POST /api/v1/rooms}: {@code {"name": "...", "kind": "conference"|"broadcast"}}.
 * {@link #parse} never throws: it gives a request or a one-line error.
 *
 * @param name room name, {@code [A-Za-z0-9_.-]{1,64}}
 * @param kind conference (the default when absent or null) or broadcast
 */
record CreateRoomRequest(String name, RoomKind kind) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed body, or why it is not one (exactly one of the two is non-null). */
    record Parsed(CreateRoomRequest request, CreateRoomError error) {
    }

    static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return error(CreateRoomError.NOT_JSON);
        }
        if (root == null || !root.isObject()) {
            return error(CreateRoomError.NOT_AN_OBJECT);
        }
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || !RouteParser.ROOM.matcher(name.asText()).matches()) {
            return error(CreateRoomError.BAD_NAME);
        }
        JsonNode kind = root.get("kind");
        if (kind == null || kind.isNull()) {
            return new Parsed(new CreateRoomRequest(name.asText(), RoomKind.CONFERENCE), null);
        }
        RoomKind k = kind.isTextual() ? RoomKind.fromWire(kind.asText()) : null;
        if (k == null) {
            return error(CreateRoomError.BAD_KIND);
        }
        return new Parsed(new CreateRoomRequest(name.asText(), k), null);
    }

    private static Parsed error(CreateRoomError reason) {
        return new Parsed(null, reason);
    }
}
