package dev.onair.protocol.sdp;

import java.util.List;

/**
 * The legacy session-level msid semantic (draft-ietf-mmusic-msid-16 section 4; RFC 8830 dropped it but
 * browsers still write it).
 *
 * <pre>
 * a=msid-semantic:[SP] &lt;token&gt; *(SP &lt;identifier&gt;)
 * a=msid-semantic: WMS *
 * </pre>
 */
public record MsidSemantic(String semantic, List<String> identifiers) {
    public MsidSemantic {
        identifiers = List.copyOf(identifiers);
    }

    /** Parses the attribute value; null when it is empty. */
    static MsidSemantic parse(String value) {
        List<String> t = SdpTokens.split(value);
        return t.isEmpty() ? null : new MsidSemantic(t.get(0), t.subList(1, t.size()));
    }

    /** The attribute value, with the leading space Chromium writes. */
    public String toAttributeValue() {
        return " " + semantic + (identifiers.isEmpty() ? "" : " " + String.join(" ", identifiers));
    }
}
