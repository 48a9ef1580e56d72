package dev.onair.protocol.sdp;

import java.util.List;

/**
 * A media grouping (RFC 5888 section 5), e.g. BUNDLE (RFC 8843 section 7.1).
 *
 * <pre>
 * a=group:&lt;semantics&gt; *(SP &lt;identification-tag&gt;)
 * a=group:BUNDLE 0 1
 * </pre>
 */
public record Group(String semantics, List<String> mids) {
    public Group {
        mids = List.copyOf(mids);
    }

    /** Parses the attribute value; null when it is empty. */
    static Group parse(String value) {
        List<String> t = SdpTokens.split(value);
        return t.isEmpty() ? null : new Group(t.get(0), t.subList(1, t.size()));
    }

    /** True for {@code BUNDLE} semantics. */
    public boolean isBundle() {
        return "BUNDLE".equals(semantics);
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
