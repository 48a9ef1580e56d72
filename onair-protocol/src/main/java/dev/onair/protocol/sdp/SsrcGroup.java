package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A grouping of SSRCs (RFC 5576 section 4.2), e.g. {@code FID} (RTX, RFC 4588) or {@code SIM}.
 *
 * <pre>
 * a=ssrc-group:&lt;semantics&gt; *(SP &lt;ssrc-id&gt;)
 * a=ssrc-group:FID 1438231479 3837214496
 * </pre>
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    /** Parses the attribute value; null when it is malformed. */
    static SsrcGroup parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.isEmpty()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String s : t.subList(1, t.size())) {
            long v = SdpTokens.parseUnsigned(s, 10);
            if (v < 0 || v > 0xFFFF_FFFFL) {
                return null;
            }
            ids.add(v);
        }
        return new SsrcGroup(t.get(0), ids);
    }

    /** The attribute value. */
    public String toAttributeValue() {
        StringBuilder sb = new StringBuilder(semantics);
        for (Long s : ssrcs) {
            sb.append(' ').append(s);
        }
        return sb.toString();
    }
}
