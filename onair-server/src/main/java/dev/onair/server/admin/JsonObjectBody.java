package dev.onair.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads an admin request body that must be one JSON object. Never throws, whatever the bytes. */
final class JsonObjectBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonObjectBody() {
    }

    /** The body's JSON object, or null when the body is empty, not JSON, or JSON but not an object. */
    static JsonNode read(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
