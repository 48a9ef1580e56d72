package dev.onair.server.chat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first client frame on {@code /chat}: {@code {"type":"join","token":"<JWT>","room":"demo","epoch":E,
 * "lastSeq":S}} ({@code room} optional; {@code epoch} and {@code lastSeq} together or not at all: present =
 * resume). {@link #parse} never throws: a bad frame gives a {@link Parsed} with an error reason.
 *
 * @param token   the JWT
 * @param room    the room named in the frame, or null (then the token's room)
 * @param resume  true when epoch and lastSeq were given
 * @param epoch   the epoch to resume (0 when not resuming)
 * @param lastSeq the last sequence seen (0 when not resuming)
 */
record ChatJoin(String token, String room, boolean resume, long epoch, long lastSeq) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    /** A join or the reason it is not one. */
    record Parsed(ChatJoin join, String error) {
    }

    static Parsed parse(String text) {
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (java.io.IOException | RuntimeException e) {
            return bad("the first frame is not valid JSON: send {\"type\":\"join\",\"token\":...}");
        }
        if (msg == null || !msg.isObject()) {
            return bad("the first frame must be a JSON object {\"type\":\"join\",\"token\":...}");
        }
        if (!"join".equals(msg.path("type").asText(null))) {
            return bad("the first frame must be a join");
        }
        JsonNode token = msg.get("token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            return bad("join needs a string \"token\"");
        }
        JsonNode room = msg.get("room");
        if (room != null && !room.isNull() && !room.isTextual()) {
            return bad("join's \"room\" must be a string");
        }
        JsonNode epoch = msg.get("epoch");
        JsonNode lastSeq = msg.get("lastSeq");
        boolean hasEpoch = epoch != null && !epoch.isNull();
        boolean hasLastSeq = lastSeq != null && !lastSeq.isNull();
        if (hasEpoch != hasLastSeq) {
            return bad("join's \"epoch\" and \"lastSeq\" go together (both to resume, neither to join afresh)");
        }
        if (hasEpoch && (!isNonNegativeLong(epoch) || !isNonNegativeLong(lastSeq))) {
            return bad("join's \"epoch\" and \"lastSeq\" must be non-negative integers");
        }
        String roomName = room == null || room.isNull() ? null : room.asText();
        return new Parsed(new ChatJoin(token.asText(), roomName, hasEpoch, hasEpoch ? epoch.longValue() : 0,
                hasEpoch ? lastSeq.longValue() : 0), null);
    }

    private static boolean isNonNegativeLong(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0;
    }

    private static Parsed bad(String reason) {
        return new Parsed(null, reason);
    }
}
