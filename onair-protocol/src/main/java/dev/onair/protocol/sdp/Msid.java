package dev.onair.protocol.sdp;

import java.util.List;

/**
 * A media stream identification (RFC 8830 section 2).
 *
 * <pre>
 * a=msid:&lt;stream id: 1-64 token chars, "-" for none&gt; [SP &lt;track id (appdata)&gt;]
 * a=msid:- 05b3412d-f02e-4ebf-949b-6baa2bee3faf
 * </pre>
 *
 * @param streamId the stream id
 * @param trackId  the track id (application data), or "" when absent
 */
public record Msid(String streamId, String trackId) {

    /** Parses the attribute value; null unless it is one or two tokens. */
    static Msid parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.isEmpty() || t.size() > 2) {
            return null;
        }
        return new Msid(t.get(0), t.size() == 2 ? t.get(1) : "");
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return trackId.isEmpty() ? streamId : streamId + " " + trackId;
    }
}
