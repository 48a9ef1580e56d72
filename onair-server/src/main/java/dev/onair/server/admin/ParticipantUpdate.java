package dev.onair.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.sfu.api.JoinRequest;
import java.nio.charset.StandardCharsets;

/**
 * The body of {@code PATCH .../participants/{identity}}: {@code {"name": "...", "metadata": "..."}}, each
 * optional (absent or null: unchanged), at least one given. {@link #parse} never throws: it gives an update or
 * a one-line error. Other fields are ignored.
 *
 * @param name     new display name, at most {@value #MAX_NAME_CHARS} characters; null: unchanged
 * @param metadata new application metadata, at most {@link JoinRequest#MAX_METADATA_BYTES} bytes of UTF-8
 *                 ({@code ""} clears it); null: unchanged
 */
record ParticipantUpdate(String name, String metadata) {
    /** The longest display name, in characters (as long as the longest identity). */
    static final int MAX_NAME_CHARS = 128;
    static final String NOT_AN_OBJECT = "body must be a JSON object: {\"name\": \"...\", \"metadata\": \"...\"}";
    static final String NOTHING = "nothing to update: give \"name\" and/or \"metadata\"";
    static final String BAD_NAME = "name must be a string of at most " + MAX_NAME_CHARS + " characters";
    static final String BAD_METADATA = "metadata must be a string of at most " + JoinRequest.MAX_METADATA_BYTES
            + " bytes of UTF-8";

    /** A parsed body, or why it is not one (exactly one of the two is non-null). */
    record Parsed(ParticipantUpdate update, String error) {
    }

    static Parsed parse(byte[] body) {
        JsonNode root = JsonObjectBody.read(body);
        if (root == null) {
            return error(NOT_AN_OBJECT);
        }
        JsonNode name = root.get("name");
        JsonNode metadata = root.get("metadata");
        boolean hasName = name != null && !name.isNull();
        boolean hasMetadata = metadata != null && !metadata.isNull();
        if (!hasName && !hasMetadata) {
            return error(NOTHING);
        }
        if (hasName && (!name.isTextual() || name.textValue().codePointCount(0, name.textValue().length()) > MAX_NAME_CHARS)) {
            return error(BAD_NAME);
        }
        if (hasMetadata && (!metadata.isTextual()
                || metadata.textValue().getBytes(StandardCharsets.UTF_8).length > JoinRequest.MAX_METADATA_BYTES)) {
            return error(BAD_METADATA);
        }
        return new Parsed(new ParticipantUpdate(hasName ? name.textValue() : null,
                hasMetadata ? metadata.textValue() : null), null);
    }

    private static Parsed error(String reason) {
        return new Parsed(null, reason);
    }
}
