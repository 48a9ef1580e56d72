package dev.onair.lab.impair.parse;

import dev.onair.lab.impair.MahimahiTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parses a Mahimahi link trace: one millisecond timestamp per line (a non-negative decimal integer), non-decreasing,
 * the last one &gt; 0 (it is the loop period). Blank lines and lines starting with {@code #} are skipped (an
 * extension: mm-link itself accepts neither); surrounding whitespace and Windows line ends are tolerated. Errors
 * name the line: {@code trace 'x' line 7: 'abc' is not a millisecond timestamp}.
 */
public final class MahimahiTraceParser {
    /** The most opportunities accepted (a 10-minute trace at 200 Mbps has 10 M). */
    public static final int MAX_OPPORTUNITIES = 20_000_000;

    private MahimahiTraceParser() {
    }

    /** Reads and parses {@code file}; the trace is named after the file. */
    public static ParseResult<MahimahiTrace> parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return ParseResult.error("trace '" + file + "': cannot read: " + e.getMessage());
        }
        return parse(String.valueOf(file.getFileName()), text);
    }

    /** Parses trace {@code text}; {@code name} is used in errors and reports. */
    public static ParseResult<MahimahiTrace> parse(String name, String text) {
        long[] timestamps = new long[1024];
        int count = 0;
        long previous = 0;
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            long t = parseMillis(line);
            String where = "trace '" + name + "' line " + lineNumber + ": ";
            if (t < 0) {
                return ParseResult.error(where + "'" + abbreviate(line)
                        + "' is not a millisecond timestamp (a non-negative integer below 2^31)");
            }
            if (t < previous) {
                return ParseResult.error(where + t + " is earlier than the previous timestamp " + previous
                        + " (timestamps must not decrease)");
            }
            if (count == MAX_OPPORTUNITIES) {
                return ParseResult.error(where + "more than " + MAX_OPPORTUNITIES + " timestamps");
            }
            if (count == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, timestamps.length * 2);
            }
            timestamps[count++] = t;
            previous = t;
        }
        if (count == 0) {
            return ParseResult.error("trace '" + name + "': no timestamps (expected one millisecond timestamp per line)");
        }
        if (previous == 0) {
            return ParseResult.error("trace '" + name + "': the last timestamp must be > 0 (it is the loop period)");
        }
        return ParseResult.ok(MahimahiTrace.of(name, Arrays.copyOf(timestamps, count)));
    }

    /** The value of a decimal integer in [0, 2^31), or -1. */
    private static long parseMillis(String digits) {
        if (digits.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
