package dev.onair.messaging.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.StoredMessage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes the server's frames (JSON text); see {@code docs/messaging.md}. Thread-safe. */
public final class ServerFrames {
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);

    private ServerFrames() {
    }

    /**
     * A stored message: {@code {"type":"msg","seq","epoch","time","kind","from":{"identity"},"clientMsgId"?,"to"?,
     * "targetSeq"?,"deleted"?, ...the kind's fields}}. A deleted message carries none of its fields.
     */
    public static String msg(StoredMessage m) {
        Draft d = m.draft();
        StringWriter out = new StringWriter(128 + d.body().length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "msg");
            g.writeNumberField("seq", m.seq());
            g.writeNumberField("epoch", m.epoch());
            g.writeNumberField("time", m.serverTimeMillis());
            g.writeStringField("kind", d.kind().wireName());
            g.writeObjectFieldStart("from");
            g.writeStringField("identity", d.sender());
            g.writeEndObject();
            if (d.clientMsgId() != null) {
                g.writeStringField("clientMsgId", d.clientMsgId());
            }
            if (d.to() != null) {
                g.writeStringField("to", d.to());
            }
            if (d.kind() == MessageKind.DELETE) {
                g.writeNumberField("targetSeq", d.targetSeq());
            }
            if (m.deleted()) {
                g.writeBooleanField("deleted", true);
            }
            String body = d.body();
            boolean object = body.length() > 2 && body.charAt(0) == '{' && body.charAt(body.length() - 1) == '}';
            if (!object && !m.deleted() && !"{}".equals(body) && !"null".equals(body)) {
                g.writeFieldName("body");
                g.writeRawValue(body);
            }
            g.flush();
            if (object && !m.deleted()) {
                out.append(',').append(body, 1, body.length() - 1);
            }
            out.append('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code {"type":"ack","clientMsgId","seq","epoch","duplicate"}}: stored (or stored before, for a retry). */
    public static String ack(String clientMsgId, long seq, long epoch, boolean duplicate) {
        return write(g -> {
            g.writeStringField("type", "ack");
            g.writeStringField("clientMsgId", clientMsgId);
            g.writeNumberField("seq", seq);
            g.writeNumberField("epoch", epoch);
            g.writeBooleanField("duplicate", duplicate);
        });
    }

    /** {@code {"type":"error","code","reason","clientMsgId"?}}. */
    public static String error(FrameError e) {
        return error(e.code(), e.reason(), e.clientMsgId());
    }

    /** As {@link #error(FrameError)}, with {@code retryAfterMillis} when positive (rate limits). */
    public static String error(ErrorCode code, String reason, String clientMsgId, long retryAfterMillis) {
        return write(g -> {
            g.writeStringField("type", "error");
            g.writeStringField("code", code.wireName());
            g.writeStringField("reason", reason.replace('\n', ' ').replace('\r', ' '));
            if (clientMsgId != null) {
                g.writeStringField("clientMsgId", clientMsgId);
            }
            if (retryAfterMillis > 0) {
                g.writeNumberField("retryAfterMillis", retryAfterMillis);
            }
        });
    }

    public static String error(ErrorCode code, String reason, String clientMsgId) {
        return error(code, reason, clientMsgId, 0);
    }

    /**
     * {@code {"type":"resumed","recovered","fresh","epoch","lastSeq"}}, followed by the replayed {@code msg} frames:
     * recovered = exactly what was missed; otherwise (fresh join, too old, other epoch, ahead) a snapshot of the
     * newest messages that replaces the client's view.
     */
    public static String resumed(boolean recovered, boolean fresh, long epoch, long lastSeq) {
        return write(g -> {
            g.writeStringField("type", "resumed");
            g.writeBooleanField("recovered", recovered);
            g.writeBooleanField("fresh", fresh);
            g.writeNumberField("epoch", epoch);
            g.writeNumberField("lastSeq", lastSeq);
        });
    }

    /** {@code {"type":"typing","from":{"identity","name"},"state"}}: ephemeral presence, never stored. */
    public static String typing(String identity, String name, String state) {
        return write(g -> {
            g.writeStringField("type", "typing");
            g.writeObjectFieldStart("from");
            g.writeStringField("identity", identity);
            if (name != null) {
                g.writeStringField("name", name);
            }
            g.writeEndObject();
            g.writeStringField("state", state);
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
