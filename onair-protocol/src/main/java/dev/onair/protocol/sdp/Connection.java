package dev.onair.protocol.sdp;

import java.util.List;

/**
 * The connection line (RFC 8866 section 5.7).
 *
 * <pre>
 * c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;
 * c=IN IP4 0.0.0.0
 * </pre>
 */
public record Connection(String netType, String addrType, String address) {
    /** {@code c=IN IP4 0.0.0.0}, the JSEP placeholder. */
    public static final Connection UNSPECIFIED_IP4 = new Connection("IN", "IP4", "0.0.0.0");

    /** Parses the value after {@code c=}; null when it does not have exactly three tokens. */
    static Connection parse(String value) {
        List<String> t = SdpTokens.split(value);
        return t.size() == 3 ? new Connection(t.get(0), t.get(1), t.get(2)) : null;
    }

    /** The text after {@code c=}. */
    public String toLineValue() {
        return netType + " " + addrType + " " + address;
    }
}
