package dev.onair.bench.chat;

import java.nio.charset.StandardCharsets;

/**
 * One pass over a JSON object's top level that keeps the fields the benchmark reads ({@code type}, {@code kind},
 * {@code text}, {@code code} as strings, {@code seq} as an integer, {@code duplicate} as a boolean) and skips every
 * other value (nested objects and arrays included). {@link #read} returns null for what is not one JSON object and
 * {@link #ESCAPED} when a string holds an escape (left to a full parser). Not a validator: it checks the structure it
 * walks, not every number's syntax.
 */
record TopLevelFields(String type, long seq, String kind, String text, String code, boolean duplicate) {
    /** The answer for input with an escaped string: parse it with a full JSON parser. */
    static final TopLevelFields ESCAPED = new TopLevelFields(null, -1, null, null, null, false);

    private static final byte[] TYPE = bytes("type");
    private static final byte[] KIND = bytes("kind");
    private static final byte[] TEXT = bytes("text");
    private static final byte[] CODE = bytes("code");
    private static final byte[] SEQ = bytes("seq");
    private static final byte[] DUPLICATE = bytes("duplicate");
    /** Values read as these same strings, without a new string per frame. */
    private static final String[] KNOWN_VALUES = {"msg", "chat", "ack", "resumed", "error", "typing"};
    private static final byte[][] KNOWN_VALUE_BYTES = java.util.Arrays.stream(KNOWN_VALUES).map(TopLevelFields::bytes)
            .toArray(byte[][]::new);
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    private static final byte[] NULL = bytes("null");
    /** Thrown inside the pass for malformed input; never escapes {@link #read}. */
    private static final RuntimeException MALFORMED = new RuntimeException("malformed", null, false, false) {
    };
    private static final RuntimeException HAS_ESCAPE = new RuntimeException("escaped", null, false, false) {
    };

    static TopLevelFields read(byte[] b, int offset, int length) {
        try {
            return new Pass(b, offset, offset + length).object();
        } catch (RuntimeException e) {
            if (e == HAS_ESCAPE) {
                return ESCAPED;
            }
            if (e == MALFORMED || e instanceof ArrayIndexOutOfBoundsException || e instanceof NumberFormatException) {
                return null;
            }
            throw e;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Pass {
        private final byte[] b;
        private final int end;
        private int i;

        Pass(byte[] b, int start, int end) {
            if (start < 0 || end > b.length || start > end) {
                throw MALFORMED;
            }
            this.b = b;
            this.i = start;
            this.end = end;
        }

        TopLevelFields object() {
            String type = null;
            String kind = null;
            String text = null;
            String code = null;
            long seq = -1;
            boolean duplicate = false;
            expect('{');
            if (peek() == '}') {
                i++;
                return finish(new TopLevelFields(null, -1, null, null, null, false));
            }
            while (true) {
                expect('"');
                int keyStart = i;
                int keyEnd = stringEnd();
                expect(':');
                byte v = peek();
                int start = i;
                boolean string = v == '"';
                boolean integer = false;
                if (string) {
                    i++;
                    start = i;
                    stringEnd();
                } else if (v == '{' || v == '[') {
                    skipNested();
                    start = -1; // a nested value: skipped, no field takes it
                } else if (v == 't' || v == 'f' || v == 'n') {
                    byte[] word = v == 't' ? TRUE : v == 'f' ? FALSE : NULL;
                    if (!is(i, Math.min(end, i + word.length), word)) {
                        throw MALFORMED;
                    }
                    i += word.length;
                } else if (v == '-' || (v >= '0' && v <= '9')) {
                    integer = true;
                    while (i < end && isNumberByte(b[i])) {
                        integer &= b[i] != '.' && b[i] != 'e' && b[i] != 'E' && b[i] != '+';
                        i++;
                    }
                } else {
                    throw MALFORMED;
                }
                if (start >= 0) {
                    int stop = string ? i - 1 : i; // a string's text ends before its closing quote
                    if (is(keyStart, keyEnd, TYPE)) {
                        type = knownOrString(start, stop);
                    } else if (is(keyStart, keyEnd, KIND)) {
                        kind = knownOrString(start, stop);
                    } else if (is(keyStart, keyEnd, TEXT)) {
                        text = string(start, stop);
                    } else if (is(keyStart, keyEnd, CODE)) {
                        code = string(start, stop);
                    } else if (is(keyStart, keyEnd, SEQ)) {
                        seq = integer ? Long.parseLong(string(start, stop)) : -1;
                    } else if (is(keyStart, keyEnd, DUPLICATE)) {
                        duplicate = v == 't';
                    }
                }
                byte next = peek();
                i++;
                if (next == '}') {
                    return finish(new TopLevelFields(type, seq, kind, text, code, duplicate));
                }
                if (next != ',') {
                    throw MALFORMED;
                }
                skipWhitespace();
            }
        }

        private TopLevelFields finish(TopLevelFields f) {
            skipWhitespace();
            if (i != end) {
                throw MALFORMED;
            }
            return f;
        }

        /** From just after an opening quote: moves past the closing one and returns its index. */
        private int stringEnd() {
            while (true) {
                byte c = b[check(i)];
                if (c == '"') {
                    return i++;
                }
                if (c == '\\') {
                    throw HAS_ESCAPE;
                }
                i++;
            }
        }

        /** Skips a nested object or array (strings in it included, escapes and all). */
        private void skipNested() {
            int depth = 0;
            do {
                byte c = b[check(i++)];
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                } else if (c == '"') {
                    while (true) {
                        byte s = b[check(i++)];
                        if (s == '\\') {
                            i++;
                        } else if (s == '"') {
                            break;
                        }
                    }
                }
            } while (depth > 0);
        }

        private void expect(char c) {
            skipWhitespace();
            if (b[check(i)] != c) {
                throw MALFORMED;
            }
            i++;
            skipWhitespace();
        }

        private byte peek() {
            skipWhitespace();
            return b[check(i)];
        }

        private void skipWhitespace() {
            while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
        }

        private int check(int at) {
            if (at >= end) {
                throw MALFORMED;
            }
            return at;
        }

        private boolean is(int from, int to, byte[] word) {
            if (to - from != word.length) {
                return false;
            }
            for (int k = 0; k < word.length; k++) {
                if (b[from + k] != word[k]) {
                    return false;
                }
            }
            return true;
        }

        private String knownOrString(int from, int to) {
            for (int k = 0; k < KNOWN_VALUES.length; k++) {
                if (is(from, to, KNOWN_VALUE_BYTES[k])) {
                    return KNOWN_VALUES[k];
                }
            }
            return string(from, to);
        }

        private String string(int from, int to) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }

        private static boolean isNumberByte(byte c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        }
    }
}
