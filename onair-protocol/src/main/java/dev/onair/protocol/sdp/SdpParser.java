package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a session description (RFC 8866 section 5) into the {@link SessionDescription} model. Never throws:
 * any input gives an {@link SdpParseResult} with either the description or an {@link SdpError}.
 *
 * <pre>
 * v=0                                  must be the first line, value 0
 * o=&lt;6 fields&gt;                         required
 * s= c= t= b= ... a=...                 session part (unknown line types kept as {@link SdpLine})
 * m=&lt;media&gt; &lt;port&gt;[/n] &lt;proto&gt; &lt;fmt&gt;... starts a media section; c= a= b= ... follow
 * </pre>
 *
 * Lines end in CRLF or a bare LF; empty lines are skipped. Attributes the model types are parsed into
 * records; a typed attribute whose value is malformed is kept as a generic {@link Attribute}.
 * Denial-of-service bounds: {@value #MAX_SDP_CHARS} characters, {@value #MAX_LINE_CHARS} per line,
 * {@value #MAX_MEDIA_SECTIONS} m-lines.
 */
public final class SdpParser {
    public static final int MAX_SDP_CHARS = 64 * 1024;
    public static final int MAX_LINE_CHARS = 4 * 1024;
    public static final int MAX_MEDIA_SECTIONS = 64;

    private SdpParser() {
    }

    /** Parses a whole description. */
    public static SdpParseResult parse(String sdp) {
        if (sdp == null) {
            return SdpParseResult.fail(SdpErrorCode.EMPTY, "no input");
        }
        if (sdp.length() > MAX_SDP_CHARS) {
            return SdpParseResult.fail(SdpErrorCode.TOO_LARGE, "description longer than " + MAX_SDP_CHARS + " chars");
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < sdp.length()) {
            int nl = sdp.indexOf('\n', start);
            int end = nl < 0 ? sdp.length() : nl;
            int contentEnd = end > start && sdp.charAt(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd - start > MAX_LINE_CHARS) {
                return SdpParseResult.fail(SdpErrorCode.LINE_TOO_LONG,
                        "line " + (lines.size() + 1) + " longer than " + MAX_LINE_CHARS + " chars");
            }
            lines.add(sdp.substring(start, contentEnd));
            start = end + 1;
        }
        return parseLines(lines);
    }

    private static SdpParseResult parseLines(List<String> lines) {
        Origin origin = null;
        boolean versionSeen = false;
        String sessionName = null;
        String timing = null;
        List<Object> pendingSession = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        MediaDescriptionBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                return SdpParseResult.fail(SdpErrorCode.MALFORMED_LINE, "line " + lineNo + ": not <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!versionSeen) {
                if (type != 'v') {
                    return SdpParseResult.fail(SdpErrorCode.MISSING_VERSION, "line " + lineNo + ": expected v=");
                }
                if (!"0".equals(value)) {
                    return SdpParseResult.fail(SdpErrorCode.BAD_VERSION, "line " + lineNo + ": v= is not 0");
                }
                versionSeen = true;
                continue;
            }
            if (type == 'm') {
                if (media.size() + (current == null ? 0 : 1) >= MAX_MEDIA_SECTIONS) {
                    return SdpParseResult.fail(SdpErrorCode.TOO_MANY_MEDIA, "more than " + MAX_MEDIA_SECTIONS + " m-lines");
                }
                if (current != null) {
                    media.add(current.build());
                }
                current = MediaLineParser.parse(value);
                if (current == null) {
                    return SdpParseResult.fail(SdpErrorCode.BAD_MEDIA_LINE, "line " + lineNo + ": bad m-line");
                }
            } else if (current != null) {
                addMediaLine(current, type, value);
            } else if (type == 'o' && origin == null) {
                origin = Origin.parse(value);
                if (origin == null) {
                    return SdpParseResult.fail(SdpErrorCode.BAD_ORIGIN, "line " + lineNo + ": o= needs six fields");
                }
            } else if (type == 's' && sessionName == null) {
                sessionName = value;
            } else if (type == 't' && timing == null) {
                timing = value;
            } else {
                pendingSession.add(type == 'a' ? Attribute.parse(value) : new SdpLine(type, value));
            }
        }
        if (!versionSeen) {
            return SdpParseResult.fail(SdpErrorCode.EMPTY, "no lines");
        }
        if (origin == null) {
            return SdpParseResult.fail(SdpErrorCode.MISSING_ORIGIN, "no o= line");
        }
        if (current != null) {
            media.add(current.build());
        }
        SessionDescriptionBuilder session = new SessionDescriptionBuilder(origin);
        session.sessionName(sessionName == null ? "-" : sessionName).timing(timing == null ? "0 0" : timing);
        for (Object o : pendingSession) {
            if (o instanceof Attribute a) {
                session.addAttribute(a);
            } else {
                addSessionLine(session, (SdpLine) o);
            }
        }
        media.forEach(session::addMedia);
        return SdpParseResult.ok(session.build());
    }

    private static void addSessionLine(SessionDescriptionBuilder session, SdpLine line) {
        Connection c = line.type() == 'c' && session.connection() == null ? Connection.parse(line.value()) : null;
        if (c != null) {
            session.connection(c);
        } else {
            session.addOtherLine(line);
        }
    }

    private static void addMediaLine(MediaDescriptionBuilder m, char type, String value) {
        if (type == 'a') {
            m.addAttribute(Attribute.parse(value));
            return;
        }
        Connection c = type == 'c' && !m.hasConnection() ? Connection.parse(value) : null;
        if (c != null) {
            m.connection(c);
        } else {
            m.addOtherLine(new SdpLine(type, value));
        }
    }
}
