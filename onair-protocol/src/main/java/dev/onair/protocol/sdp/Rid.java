package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An RTP stream identifier with its restrictions (RFC 8851 section 10).
 *
 * <pre>
 * a=rid:&lt;rid-id&gt; SP &lt;send | recv&gt; [SP [pt=&lt;fmt&gt;*(,&lt;fmt&gt;)] *(;&lt;restriction&gt;=&lt;value&gt;)]
 * a=rid:q send
 * a=rid:h send pt=96;max-width=640
 * </pre>
 *
 * @param id           the rid ({@code 1*(ALPHA / DIGIT / "-" / "_")})
 * @param direction    send or recv
 * @param restrictions the parameter text as written, or "" when absent
 */
public record Rid(String id, RidDirection direction, String restrictions) {

    /** Parses the attribute value; null when it is malformed. */
    static Rid parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.size() < 2 || t.size() > 3 || !isRidId(t.get(0))) {
            return null;
        }
        RidDirection dir = RidDirection.fromSdpName(t.get(1));
        return dir == null ? null : new Rid(t.get(0), dir, t.size() == 3 ? t.get(2) : "");
    }

    static boolean isRidId(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The restrictions as a map ({@code pt}, {@code max-width}, ...). */
    public Map<String, String> restrictionMap() {
        return Fmtp.parseParameters(restrictions);
    }

    /** The payload types of a {@code pt=} restriction; empty when there is none or it is malformed. */
    public List<Integer> payloadTypes() {
        String pts = restrictionMap().get("pt");
        List<Integer> out = new ArrayList<>();
        if (pts != null) {
            for (String p : pts.split(",")) {
                int v = SdpTokens.parseIntInRange(p.trim(), 127);
                if (v >= 0) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The attribute value. */
    public String toAttributeValue() {
        String base = id + " " + direction.sdpName();
        return restrictions.isEmpty() ? base : base + " " + restrictions;
    }
}
