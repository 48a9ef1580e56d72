package dev.onair.bench.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The fields of a server frame the benchmark reads ({@code type}, {@code seq}, {@code kind}, {@code text}, error
 * {@code code}, ack {@code duplicate}) from the frame's UTF-8 bytes, and of a benchmark text its index and send time
 * ({@link #benchIndex} -1 when it is none). An unreadable frame reads as type {@code unparseable}. 200k frames a
 * second: a single pass over the top-level object ({@link TopLevelFields}), with Jackson's streaming parser as the
 * fallback for what that pass leaves to it (escaped strings) and as the reference in the tests.
 */
public record BenchFrame(String type, long seq, String kind, String text, String code, boolean duplicate,
                         int benchIndex, long sendNanos) {
    private static final JsonFactory JSON = new JsonFactory();

    public static BenchFrame parse(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, 0, utf8.length);
    }

    /** Parses bytes {@code [offset, offset + length)} of {@code utf8}; keeps nothing of the array. */
    public static BenchFrame parse(byte[] utf8, int offset, int length) {
        TopLevelFields f = TopLevelFields.read(utf8, offset, length);
        if (f == TopLevelFields.ESCAPED) {
            return parseWithJackson(utf8, offset, length);
        }
        if (f == null || f.type() == null) {
            return unparseable();
        }
        return of(f.type(), f.seq(), f.kind(), f.text(), f.code(), f.duplicate());
    }

    /** As {@link #parse(byte[], int, int)} with Jackson's streaming parser. */
    static BenchFrame parseWithJackson(byte[] utf8, int offset, int length) {
        String type = null;
        String kind = null;
        String text = null;
        String code = null;
        boolean duplicate = false;
        long seq = -1;
        try (JsonParser p = JSON.createParser(utf8, offset, length)) {
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
                    case "duplicate" -> duplicate = v == JsonToken.VALUE_TRUE;
                    default -> { }
                }
            }
        } catch (IOException e) {
            return unparseable();
        }
        if (type == null) {
            return unparseable();
        }
        return of(type, seq, kind, text, code, duplicate);
    }

    private static BenchFrame of(String type, long seq, String kind, String text, String code, boolean duplicate) {
        int index = -1;
        long sendNanos = 0;
        if ("chat".equals(kind) && text != null && text.startsWith("b ")) {
            int space = text.indexOf(' ', 2);
            if (space >= 3 && space <= 11) {
                try {
                    int i = Integer.parseInt(text, 2, space, 10);
                    long nanos = Long.parseLong(text, space + 1, text.length(), 10);
                    if (i >= 0) {
                        index = i;
                        sendNanos = nanos;
                    }
                } catch (NumberFormatException e) {
                    // not a benchmark text
                }
            }
        }
        return new BenchFrame(type, seq, kind, text, code, duplicate, index, sendNanos);
    }

    private static BenchFrame unparseable() {
        return new BenchFrame("unparseable", -1, null, null, null, false, -1, 0);
    }

    /** The text of benchmark message {@code index} sent at {@code sendNanos} (the bench JVM's monotonic clock). */
    public static String benchText(int index, long sendNanos) {
        return "b " + index + " " + sendNanos;
    }

    /** A warm-up chat message (text "w INDEX"), sent before the measured window. */
    public boolean isWarmup() {
        return "chat".equals(kind) && text != null && text.startsWith("w ");
    }
}
