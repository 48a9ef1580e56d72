package dev.onair.protocol.sdp;

/**
 * An RTCP feedback capability (RFC 4585 section 4.2, {@code ccm} per RFC 5104 section 7.1).
 *
 * <pre>
 * a=rtcp-fb:&lt;payload type | *&gt; &lt;type&gt; [&lt;parameter...&gt;]
 * a=rtcp-fb:96 nack pli
 * a=rtcp-fb:* ccm fir
 * </pre>
 *
 * @param payloadType the payload type, or {@link #WILDCARD} for {@code *}
 * @param type        e.g. {@code nack}, {@code ccm}, {@code goog-remb}, {@code transport-cc}
 * @param parameter   the rest, e.g. {@code pli} or {@code fir}; "" when absent
 */
public record RtcpFb(int payloadType, String type, String parameter) {
    /** The payload type value that stands for {@code *}. */
    public static final int WILDCARD = -1;

    /** Parses the attribute value; null when it is malformed. */
    static RtcpFb parse(String value) {
        int sp = value.indexOf(' ');
        if (sp <= 0) {
            return null;
        }
        String ptText = value.substring(0, sp);
        int pt = "*".equals(ptText) ? WILDCARD : SdpTokens.parseIntInRange(ptText, 127);
        String rest = String.join(" ", SdpTokens.split(value.substring(sp + 1)));
        if (pt < WILDCARD || (pt == WILDCARD && !"*".equals(ptText)) || rest.isEmpty()) {
            return null;
        }
        int sp2 = rest.indexOf(' ');
        return sp2 < 0 ? new RtcpFb(pt, rest, "") : new RtcpFb(pt, rest.substring(0, sp2), rest.substring(sp2 + 1));
    }

    /** True for {@code *}. */
    public boolean isWildcard() {
        return payloadType == WILDCARD;
    }

    /** True when this line applies to the payload type (exact match or wildcard). */
    public boolean appliesTo(int pt) {
        return payloadType == WILDCARD || payloadType == pt;
    }

    /** Type and parameter as one string, e.g. {@code "nack pli"} or {@code "goog-remb"}. */
    public String feedback() {
        return parameter.isEmpty() ? type : type + " " + parameter;
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return (payloadType == WILDCARD ? "*" : Integer.toString(payloadType)) + " " + feedback();
    }
}
