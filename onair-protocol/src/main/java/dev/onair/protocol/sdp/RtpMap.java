package dev.onair.protocol.sdp;

/**
 * An RTP payload type mapping (RFC 8866 section 6.6).
 *
 * <pre>
 * a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;encoding parameters&gt;]
 * a=rtpmap:111 opus/48000/2
 * </pre>
 *
 * @param payloadType  0..127
 * @param encodingName as written (case-insensitive by RFC, compare with {@code equalsIgnoreCase})
 * @param clockRateHz  the RTP clock rate
 * @param channels     the audio channel count, or 0 when the encoding parameters were absent
 */
public record RtpMap(int payloadType, String encodingName, int clockRateHz, int channels) {

    /** Parses the attribute value; null when it is malformed. */
    static RtpMap parse(String value) {
        int sp = value.indexOf(' ');
        if (sp <= 0) {
            return null;
        }
        int pt = SdpTokens.parseIntInRange(value.substring(0, sp), 127);
        String[] parts = value.substring(sp + 1).trim().split("/", -1);
        if (pt < 0 || parts.length < 2 || parts.length > 3 || !SdpTokens.isToken(parts[0])) {
            return null;
        }
        int clock = SdpTokens.parseIntInRange(parts[1], Integer.MAX_VALUE);
        int channels = parts.length == 3 ? SdpTokens.parseIntInRange(parts[2], 255) : 0;
        if (clock <= 0 || channels < 0 || (parts.length == 3 && channels == 0)) {
            return null;
        }
        return new RtpMap(pt, parts[0], clock, channels);
    }

    /** True when the encoding name matches, ignoring case. */
    public boolean is(String name) {
        return encodingName.equalsIgnoreCase(name);
    }

    /** The attribute value. */
    public String toAttributeValue() {
        String base = payloadType + " " + encodingName + "/" + clockRateHz;
        return channels == 0 ? base : base + "/" + channels;
    }
}
