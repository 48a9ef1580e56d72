package dev.onair.messaging.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.messaging.store.MessageKind;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a client's JSON text frame into a {@link ClientCommand} or a {@link FrameError} with a reason code; never
 * throws, and counts every refusal in its {@link ErrorCounters}. Thread-safe. The protocol is in
 * {@code docs/messaging.md}.
 */
public final class ClientFrameParser {
    /** Frames above this many characters are refused unread. */
    public static final int MAX_FRAME_CHARS = 16 * 1024;
    /** Chat and DM text, in code points. */
    public static final int MAX_TEXT_CODE_POINTS = 2_000;
    /** A reaction's or effect's params as compact JSON, in UTF-8 bytes. */
    public static final int MAX_PARAMS_BYTES = 512;
    /** An event's data as compact JSON, in UTF-8 bytes. */
    public static final int MAX_EVENT_BYTES = 8 * 1024;
    public static final int MAX_CLIENT_MSG_ID_CHARS = 64;
    public static final int MAX_IDENTITY_CHARS = 128;
    private static final int MAX_NESTING_DEPTH = 32;
    private static final Pattern EFFECT_NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Set<String> PRESENCE_STATES = Set.of("typing", "idle");

    private final ObjectMapper json;
    private final ErrorCounters counters;

    public ClientFrameParser(ErrorCounters counters) {
        this.counters = counters;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_FRAME_CHARS)
                        .maxNumberLength(64)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    public ClientFrameParser() {
        this(new ErrorCounters());
    }

    public ErrorCounters counters() {
        return counters;
    }

    /** The command in {@code frame}, or why it was refused (counted). */
    public ParseResult parse(String frame) {
        ParseResult result;
        try {
            result = parseFrame(frame);
        } catch (RuntimeException e) {
            result = new FrameError(ErrorCode.MALFORMED_JSON, "unreadable frame", null);
        }
        if (result instanceof FrameError e) {
            counters.count(e.code());
        }
        return result;
    }

    private ParseResult parseFrame(String frame) {
        if (frame == null || frame.isEmpty()) {
            return error(ErrorCode.MALFORMED_JSON, "empty frame", null);
        }
        if (frame.length() > MAX_FRAME_CHARS) {
            return error(ErrorCode.PAYLOAD_TOO_LARGE, "frame over " + MAX_FRAME_CHARS + " characters", null);
        }
        if (hasLoneSurrogate(frame)) {
            return error(ErrorCode.INVALID_UNICODE, "the frame holds a lone surrogate (not valid UTF-8)", null);
        }
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage());
            if (why.contains("surrogate")) {
                return error(ErrorCode.INVALID_UNICODE, "not valid Unicode: " + firstLine(why), null);
            }
            return error(ErrorCode.MALFORMED_JSON, "not JSON: " + firstLine(e.getOriginalMessage()), null);
        }
        if (root == null || !root.isObject()) {
            return error(ErrorCode.MALFORMED_JSON, "a frame is a JSON object", null);
        }
        String clientMsgId = echoableClientMsgId(root.get("clientMsgId"));
        if (root.has("from") || root.has("sender")) {
            return error(ErrorCode.FORGED_SENDER, "the sender comes from the token, not the frame", clientMsgId);
        }
        if (!validUnicode(root)) {
            return error(ErrorCode.INVALID_UNICODE, "a string holds a lone surrogate", clientMsgId);
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            return error(ErrorCode.UNKNOWN_TYPE, "missing type", clientMsgId);
        }
        return switch (type.textValue()) {
            case "send" -> send(root, clientMsgId);
            case "resume" -> resume(root);
            case "delete" -> delete(root);
            default -> error(ErrorCode.UNKNOWN_TYPE, "unknown type: " + clip(type.textValue()), clientMsgId);
        };
    }

    private ParseResult send(JsonNode root, String echoId) {
        JsonNode kindNode = root.get("kind");
        MessageKind kind = kindNode != null && kindNode.isTextual()
                ? MessageKind.fromWire(kindNode.textValue()).orElse(null) : null;
        if (kind == null || kind == MessageKind.DELETE) {
            String what = kindNode == null ? "missing kind" : "unknown kind: " + clip(kindNode.toString());
            return error(ErrorCode.UNKNOWN_KIND, what, echoId);
        }
        if (kind == MessageKind.PRESENCE) {
            JsonNode state = root.get("state");
            if (state == null || !state.isTextual() || !PRESENCE_STATES.contains(state.textValue())) {
                return error(ErrorCode.INVALID_FIELD, "presence state is typing or idle", echoId);
            }
            return new ClientCommand.Presence(state.textValue());
        }
        JsonNode idNode = root.get("clientMsgId");
        if (idNode == null || !idNode.isTextual() || idNode.textValue().isEmpty()) {
            return error(ErrorCode.MISSING_CLIENT_MSG_ID, "a " + kind.wireName() + " needs a clientMsgId", null);
        }
        String clientMsgId = idNode.textValue();
        if (clientMsgId.length() > MAX_CLIENT_MSG_ID_CHARS || hasControl(clientMsgId)) {
            return error(ErrorCode.INVALID_FIELD, "clientMsgId: 1.." + MAX_CLIENT_MSG_ID_CHARS
                    + " printable characters", null);
        }
        ObjectNode body = json.createObjectNode();
        String to = null;
        switch (kind) {
            case CHAT, DM -> {
                if (kind == MessageKind.DM) {
                    JsonNode toNode = root.get("to");
                    if (toNode == null || !toNode.isTextual() || toNode.textValue().isBlank()
                            || toNode.textValue().length() > MAX_IDENTITY_CHARS) {
                        return error(ErrorCode.INVALID_FIELD, "a dm needs \"to\": the recipient's identity",
                                clientMsgId);
                    }
                    to = toNode.textValue();
                }
                FrameError bad = checkText(root.get("text"), clientMsgId);
                if (bad != null) {
                    return bad;
                }
                body.put("text", root.get("text").textValue());
            }
            case REACTION, EFFECT -> {
                JsonNode name = root.get("name");
                if (name == null || !name.isTextual() || !EFFECT_NAME.matcher(name.textValue()).matches()) {
                    return error(ErrorCode.INVALID_FIELD, "name: [a-z0-9_-]{1,32}", clientMsgId);
                }
                JsonNode params = root.get("params");
                if (params == null || params.isNull()) {
                    params = json.createObjectNode();
                } else if (!params.isObject()) {
                    return error(ErrorCode.INVALID_FIELD, "params is a JSON object", clientMsgId);
                }
                if (utf8Length(compact(params)) > MAX_PARAMS_BYTES) {
                    return error(ErrorCode.PAYLOAD_TOO_LARGE, "params over " + MAX_PARAMS_BYTES + " bytes",
                            clientMsgId);
                }
                body.put("name", name.textValue());
                body.set("params", params);
            }
            case EVENT -> {
                JsonNode data = root.get("data");
                if (data == null || data.isNull()) {
                    return error(ErrorCode.INVALID_FIELD, "an event needs \"data\"", clientMsgId);
                }
                if (utf8Length(compact(data)) > MAX_EVENT_BYTES) {
                    return error(ErrorCode.PAYLOAD_TOO_LARGE, "event data over " + MAX_EVENT_BYTES + " bytes",
                            clientMsgId);
                }
                body.set("data", data);
            }
            default -> {
                return error(ErrorCode.UNKNOWN_KIND, "unknown kind: " + kind.wireName(), clientMsgId);
            }
        }
        return new ClientCommand.Send(kind, clientMsgId, to, compact(body));
    }

    private FrameError checkText(JsonNode text, String clientMsgId) {
        if (text == null || text.isNull()) {
            return error(ErrorCode.EMPTY_TEXT, "text is missing", clientMsgId);
        }
        if (!text.isTextual()) {
            return error(ErrorCode.INVALID_FIELD, "text is a string", clientMsgId);
        }
        String s = text.textValue();
        if (s.isBlank()) {
            return error(ErrorCode.EMPTY_TEXT, "text is empty", clientMsgId);
        }
        if (s.length() > MAX_TEXT_CODE_POINTS && s.codePointCount(0, s.length()) > MAX_TEXT_CODE_POINTS) {
            return error(ErrorCode.TEXT_TOO_LONG, "text over " + MAX_TEXT_CODE_POINTS + " characters", clientMsgId);
        }
        return null;
    }

    private ParseResult resume(JsonNode root) {
        JsonNode epoch = root.get("epoch");
        JsonNode lastSeq = root.get("lastSeq");
        if (!nonNegativeLong(epoch) || !nonNegativeLong(lastSeq)) {
            return error(ErrorCode.BAD_RESUME, "epoch and lastSeq are non-negative integers", null);
        }
        return new ClientCommand.Resume(epoch.longValue(), lastSeq.longValue());
    }

    private ParseResult delete(JsonNode root) {
        JsonNode seq = root.get("seq");
        if (!nonNegativeLong(seq) || seq.longValue() < 1) {
            return error(ErrorCode.INVALID_FIELD, "seq is a positive integer", null);
        }
        return new ClientCommand.Delete(seq.longValue());
    }

    private static boolean nonNegativeLong(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0;
    }

    private String compact(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed tree", e);
        }
    }

    private static boolean validUnicode(JsonNode node) {
        if (node.isTextual()) {
            return !hasLoneSurrogate(node.textValue());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (hasLoneSurrogate(f.getKey()) || !validUnicode(f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!validUnicode(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String echoableClientMsgId(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        String s = n.textValue();
        boolean ok = !s.isEmpty() && s.length() <= MAX_CLIENT_MSG_ID_CHARS && !hasControl(s) && !hasLoneSurrogate(s);
        return ok ? s : null;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return clip(nl < 0 ? s : s.substring(0, nl));
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
    }

    private static FrameError error(ErrorCode code, String reason, String clientMsgId) {
        return new FrameError(code, reason, clientMsgId);
    }
}
