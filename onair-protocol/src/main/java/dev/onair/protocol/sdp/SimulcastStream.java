package dev.onair.protocol.sdp;

import java.util.List;

/**
 * One simulcast stream with its alternative formats (RFC 8853 section 5.1).
 *
 * <pre>
 * sc-id-list = sc-id *("," sc-id)           ; alternatives of one stream
 * </pre>
 */
public record SimulcastStream(List<SimulcastFormat> alternatives) {
    public SimulcastStream {
        alternatives = List.copyOf(alternatives);
    }

    /** A stream with one alternative that is not paused. */
    public static SimulcastStream of(String rid) {
        return new SimulcastStream(List.of(new SimulcastFormat(rid, false)));
    }

    /** The text as written. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (SimulcastFormat f : alternatives) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(f.toText());
        }
        return sb.toString();
    }
}
