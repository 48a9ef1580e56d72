package dev.onair.protocol.sdp;

/**
 * A raw SDP line the model has no field for, e.g. {@code b=}, {@code i=}, {@code r=}, {@code z=} or an
 * unknown type (RFC 8866 section 5: {@code <type>=<value>}).
 *
 * <pre>
 * &lt;type: one character&gt;=&lt;value&gt;
 * </pre>
 *
 * @param type  the single type character
 * @param value everything after {@code '='}
 */
public record SdpLine(char type, String value) {
    public SdpLine {
        if (value == null) {
            throw new IllegalArgumentException("value");
        }
    }

    /** Rank of a session-level line type in the RFC 8866 section 5 order (v o s i u e p c b t r z k a). */
    static int sessionRank(char type) {
        return switch (type) {
            case 'i' -> 1;
            case 'u' -> 2;
            case 'e' -> 3;
            case 'p' -> 4;
            case 'c' -> 5;
            case 'b' -> 6;
            case 't', 'r' -> 7;
            case 'z' -> 8;
            case 'k' -> 9;
            default -> 10;
        };
    }

    /** Rank of a media-level line type in the RFC 8866 section 5 order (m i c b k a). */
    static int mediaRank(char type) {
        return switch (type) {
            case 'i' -> 1;
            case 'c' -> 2;
            case 'b' -> 3;
            case 'k' -> 4;
            default -> 5;
        };
    }
}
