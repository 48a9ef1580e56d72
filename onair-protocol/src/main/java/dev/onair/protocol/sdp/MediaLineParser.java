package dev.onair.protocol.sdp;

import java.util.List;

/**
 * Parses the value of an {@code m=} line (RFC 8866 section 5.14).
 *
 * <pre>
 * m=&lt;media&gt; SP &lt;port&gt;["/"&lt;number of ports&gt;] SP &lt;proto&gt; 1*(SP &lt;fmt&gt;)
 * proto = token *("/" token)
 * m=audio 9 UDP/TLS/RTP/SAVPF 111 63
 * </pre>
 */
final class MediaLineParser {
    private MediaLineParser() {
    }

    /** A builder for the section, or null when the line is malformed. */
    static MediaDescriptionBuilder parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.size() < 4 || !isProtoToken(t.get(0))) {
            return null;
        }
        String portText = t.get(1);
        int slash = portText.indexOf('/');
        int portCount = 0;
        if (slash >= 0) {
            portCount = SdpTokens.parseIntInRange(portText.substring(slash + 1), 65535);
            portText = portText.substring(0, slash);
            if (portCount < 1) {
                return null;
            }
        }
        int port = SdpTokens.parseIntInRange(portText, 65535);
        String proto = t.get(2);
        if (port < 0 || !isProto(proto)) {
            return null;
        }
        return new MediaDescriptionBuilder(t.get(0), port, portCount, proto, t.subList(3, t.size()));
    }

    private static boolean isProto(String proto) {
        if (proto.startsWith("/") || proto.endsWith("/") || proto.contains("//")) {
            return false;
        }
        for (String part : proto.split("/")) {
            if (!isProtoToken(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isProtoToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '+';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
