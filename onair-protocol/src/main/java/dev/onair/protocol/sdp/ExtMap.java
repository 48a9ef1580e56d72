package dev.onair.protocol.sdp;

import java.util.List;

/**
 * An RTP header extension mapping (RFC 8285 section 8).
 *
 * <pre>
 * a=extmap:&lt;id 1-14 one-byte, 1-255 two-byte&gt;[/&lt;direction&gt;] &lt;URI&gt; [&lt;extension attributes&gt;]
 * a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
 * a=extmap:6/recvonly http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
 * </pre>
 *
 * @param id                  1..255 (0 and 15 are reserved for one-byte headers; not enforced here)
 * @param direction           the direction, or null when absent
 * @param uri                 the extension URI
 * @param extensionAttributes text after the URI, or "" when absent
 */
public record ExtMap(int id, Direction direction, String uri, String extensionAttributes) {

    /** An extension without direction or attributes. */
    public static ExtMap of(int id, String uri) {
        return new ExtMap(id, null, uri, "");
    }

    /** Parses the attribute value; null when it is malformed. */
    static ExtMap parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.size() < 2) {
            return null;
        }
        String idText = t.get(0);
        Direction dir = null;
        int slash = idText.indexOf('/');
        if (slash >= 0) {
            dir = Direction.fromSdpName(idText.substring(slash + 1));
            idText = idText.substring(0, slash);
            if (dir == null) {
                return null;
            }
        }
        int id = SdpTokens.parseIntInRange(idText, 255);
        if (id <= 0) {
            return null;
        }
        return new ExtMap(id, dir, t.get(1), String.join(" ", t.subList(2, t.size())));
    }

    /** The attribute value. */
    public String toAttributeValue() {
        String head = direction == null ? Integer.toString(id) : id + "/" + direction.sdpName();
        String base = head + " " + uri;
        return extensionAttributes.isEmpty() ? base : base + " " + extensionAttributes;
    }
}
