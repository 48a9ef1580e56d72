package dev.onair.protocol.sdp;

import java.util.List;

/**
 * A certificate fingerprint (RFC 8122 section 5, for DTLS-SRTP per RFC 8842 section 5).
 *
 * <pre>
 * a=fingerprint:&lt;hash-func&gt; &lt;fingerprint: upper-case hex bytes joined by ':'&gt;
 * a=fingerprint:sha-256 3A:F6:55:...:5A
 * </pre>
 *
 * @param algorithm the hash function name as written, e.g. {@code sha-256}
 * @param hex       the colon-separated hex digest as written
 */
public record Fingerprint(String algorithm, String hex) {

    /** Parses the attribute value; null unless it is exactly two tokens. */
    static Fingerprint parse(String value) {
        List<String> t = SdpTokens.split(value);
        return t.size() == 2 ? new Fingerprint(t.get(0), t.get(1)) : null;
    }

    /** The digest bytes, or null when {@link #hex} is not colon-separated pairs of hex digits. */
    public byte[] digestBytes() {
        int n = hex.length();
        if (n < 2 || (n + 1) % 3 != 0) {
            return null;
        }
        byte[] out = new byte[(n + 1) / 3];
        for (int i = 0; i < out.length; i++) {
            int p = i * 3;
            int hi = hexDigit(hex.charAt(p));
            int lo = hexDigit(hex.charAt(p + 1));
            if (hi < 0 || lo < 0 || (p + 2 < n && hex.charAt(p + 2) != ':')) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return algorithm + " " + hex;
    }
}
