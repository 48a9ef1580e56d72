package dev.onair.protocol.sdp;

/**
 * A source-specific attribute (RFC 5576 section 4.1).
 *
 * <pre>
 * a=ssrc:&lt;ssrc-id 0..2^32-1&gt; &lt;attribute&gt;[:&lt;value&gt;]
 * a=ssrc:1194715756 cname:qS1TAD1l5aqjbsVE
 * a=ssrc:1194715756 msid:- 05b3412d-f02e-4ebf-949b-6baa2bee3faf
 * </pre>
 *
 * @param ssrc  the SSRC as an unsigned 32-bit value
 * @param name  the source attribute name, e.g. {@code cname}, {@code msid}
 * @param value the value after the first {@code ':'}, or null when absent
 */
public record SsrcAttribute(long ssrc, String name, String value) {

    /** Parses the attribute value; null when it is malformed. */
    static SsrcAttribute parse(String text) {
        int sp = text.indexOf(' ');
        if (sp <= 0) {
            return null;
        }
        long ssrc = SdpTokens.parseUnsigned(text.substring(0, sp), 10);
        String rest = text.substring(sp + 1);
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL || rest.isEmpty() || SdpTokens.isSpace(rest.charAt(0))) {
            return null;
        }
        int colon = rest.indexOf(':');
        return colon < 0 ? new SsrcAttribute(ssrc, rest, null)
                : new SsrcAttribute(ssrc, rest.substring(0, colon), rest.substring(colon + 1));
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return ssrc + " " + (value == null ? name : name + ":" + value);
    }
}
