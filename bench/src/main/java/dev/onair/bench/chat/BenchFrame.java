package dev.onair.bench.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fields of a server frame the benchmark reads ({@code type}, {@code seq}, {@code kind}, {@code text}, error
 * {@code code}), by a streaming parse (200k frames a second). An unreadable frame reads as type {@code unparseable}.
 */
public record BenchFrame(String type, long seq, String kind, String text, String code) {
    private static final JsonFactory JSON = new JsonFactory();

    public static BenchFrame parse(String json) {
        String type = null;
        String kind = null;
        String text = null;
        String code = null;
        long seq = -1;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return unparseable();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "type" -> type = p.getText();
                    case "kind" -> kind = p.getText();
                    case "text" -> text = p.getText();
                    case "code" -> code = p.getText();
                    case "seq" -> seq = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    default -> { }
                }
            }
        } catch (IOException e) {
            return unparseable();
        }
        return type == null ? unparseable() : new BenchFrame(type, seq, kind, text, code);
    }

    private static BenchFrame unparseable() {
        return new BenchFrame("unparseable", -1, null, null, null);
    }

    /** The text of benchmark message {@code index} sent at {@code sendNanos} (the bench JVM's monotonic clock). */
    public static String benchText(int index, long sendNanos) {
        return "b " + index + " " + sendNanos;
    }

    /** A warm-up chat message (text "w INDEX"), sent before the measured window. */
    public boolean isWarmup() {
        return "chat".equals(kind) && text != null && text.startsWith("w ");
    }

    /** This chat message's benchmark index, or -1 when its text is not a benchmark text. */
    public int benchIndex() {
        long[] parts = benchParts();
        return parts == null ? -1 : (int) parts[0];
    }

    /** This chat message's send time (nanoseconds, the bench JVM's clock); meaningful when {@link #benchIndex} ≥ 0. */
    public long sendNanos() {
        long[] parts = benchParts();
        return parts == null ? 0 : parts[1];
    }

    /** {index, sendNanos} of a text "b INDEX NANOS", without regex or split (it runs 200k times a second). */
    private long[] benchParts() {
        if (!"chat".equals(kind) || text == null || !text.startsWith("b ")) {
            return null;
        }
        int space = text.indexOf(' ', 2);
        if (space < 3 || space > 11) {
            return null;
        }
        try {
            int index = Integer.parseInt(text, 2, space, 10);
            long nanos = Long.parseLong(text, space + 1, text.length(), 10);
            return index < 0 ? null : new long[] {index, nanos};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
