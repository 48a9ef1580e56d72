package dev.onair.protocol.sdp;

import java.util.List;

/**
 * The origin line (RFC 8866 section 5.2).
 *
 * <pre>
 * o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;
 * o=-          7869887082787901792 2 IN IP4 127.0.0.1
 * </pre>
 *
 * Session id and version are kept as text: browsers use up to 20 digits, beyond a signed long.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
        String address) {

    /** Parses the value after {@code o=}; null when it does not have exactly six tokens. */
    static Origin parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.size() != 6) {
            return null;
        }
        return new Origin(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5));
    }

    /** The text after {@code o=}. */
    public String toLineValue() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }
}
