package dev.onair.protocol.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Format-specific parameters (RFC 8866 section 6.15).
 *
 * <pre>
 * a=fmtp:&lt;format&gt; &lt;format specific parameters&gt;
 * a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
 * </pre>
 *
 * @param payloadType the format (payload type) the parameters apply to
 * @param parameters  {@code key=value} pairs split on {@code ';'}, keys without {@code '='} map to ""
 *                    (e.g. {@code 0-15} for telephone-event); later duplicates win
 * @param raw         the parameter text as written; this is what the writer emits
 */
public record Fmtp(int payloadType, Map<String, String> parameters, String raw) {
    public Fmtp {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Builds from raw text, deriving the parameter map. */
    public static Fmtp of(int payloadType, String raw) {
        return new Fmtp(payloadType, parseParameters(raw), raw);
    }

    /** Builds from a parameter map, deriving the raw text ({@code k=v;k=v}). */
    public static Fmtp of(int payloadType, Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
        }
        return of(payloadType, sb.toString());
    }

    /** Parses the attribute value; null when the payload type is malformed. */
    static Fmtp parse(String value) {
        int sp = value.indexOf(' ');
        String ptText = sp < 0 ? value : value.substring(0, sp);
        int pt = SdpTokens.parseIntInRange(ptText, 127);
        if (pt < 0) {
            return null;
        }
        return of(pt, sp < 0 ? "" : value.substring(sp + 1));
    }

    static Map<String, String> parseParameters(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : raw.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                out.put(p, "");
            } else {
                out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** The value of one parameter, or null. */
    public String parameter(String key) {
        return parameters.get(key);
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return raw.isEmpty() ? Integer.toString(payloadType) : payloadType + " " + raw;
    }
}
