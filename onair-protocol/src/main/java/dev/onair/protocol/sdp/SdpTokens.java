package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the attribute parsers; none of them throws on any input. */
final class SdpTokens {
    private SdpTokens() {
    }

    /** Splits on runs of spaces and tabs, dropping empty tokens. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** A non-negative decimal integer of at most {@code maxDigits} digits, or -1. */
    static long parseUnsigned(String s, int maxDigits) {
        if (s == null || s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** An int in [0, max], or -1. */
    static int parseIntInRange(String s, int max) {
        long v = parseUnsigned(s, 10);
        return v < 0 || v > max ? -1 : (int) v;
    }

    /** True for a non-empty token without whitespace or control characters. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
