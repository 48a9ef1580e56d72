package dev.onair.protocol.sdp;

/**
 * Writes a {@link SessionDescription} as SDP text with CRLF line endings, in the line order of RFC 8866
 * section 5; {@code SdpParser.parse(SdpWriter.write(x)).description()} equals {@code x} for any parsed
 * {@code x}.
 *
 * <pre>
 * v= o= s= [i= u= e= p=] [c=] [b=] t= [r= z= k=] a=*
 * m= [i=] [c=] [b= k=] a=*        (per media section)
 * </pre>
 */
public final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /** The SDP text. */
    public static String write(SessionDescription s) {
        StringBuilder sb = new StringBuilder(2048);
        line(sb, 'v', Integer.toString(s.version()));
        line(sb, 'o', s.origin().toLineValue());
        line(sb, 's', s.sessionName());
        otherLines(sb, s, 0, 4);
        if (s.connection() != null) {
            line(sb, 'c', s.connection().toLineValue());
        }
        otherLines(sb, s, 5, 6);
        line(sb, 't', s.timing());
        otherLines(sb, s, 7, Integer.MAX_VALUE);
        for (Attribute a : s.attributes()) {
            line(sb, 'a', a.toLineValue());
        }
        for (MediaDescription m : s.media()) {
            writeMedia(sb, m);
        }
        return sb.toString();
    }

    private static void writeMedia(StringBuilder sb, MediaDescription m) {
        StringBuilder ml = new StringBuilder();
        ml.append(m.kind()).append(' ').append(m.port());
        if (m.portCount() > 0) {
            ml.append('/').append(m.portCount());
        }
        ml.append(' ').append(m.proto());
        for (String f : m.formats()) {
            ml.append(' ').append(f);
        }
        line(sb, 'm', ml.toString());
        for (SdpLine l : m.otherLines()) {
            if (SdpLine.mediaRank(l.type()) <= 1) {
                line(sb, l.type(), l.value());
            }
        }
        if (m.connection() != null) {
            line(sb, 'c', m.connection().toLineValue());
        }
        for (SdpLine l : m.otherLines()) {
            if (SdpLine.mediaRank(l.type()) > 1) {
                line(sb, l.type(), l.value());
            }
        }
        for (Attribute a : m.attributes()) {
            line(sb, 'a', a.toLineValue());
        }
    }

    private static void otherLines(StringBuilder sb, SessionDescription s, int minRank, int maxRank) {
        for (SdpLine l : s.otherLines()) {
            int rank = SdpLine.sessionRank(l.type());
            if (rank >= minRank && rank <= maxRank) {
                line(sb, l.type(), l.value());
            }
        }
    }

    private static void line(StringBuilder sb, char type, String value) {
        sb.append(type).append('=').append(value).append(CRLF);
    }
}
