package dev.onair.server.it;

import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text edits of the Java peer's SDP for signalling tests (the peer itself always offers mid 0 audio and mid 1
 * video): a changed direction for one m-line, a copy of the video m-line under a new mid, and the SSRC an
 * answer assigns to each mid.
 */
final class SdpEdits {
    private static final String CRLF = "\r\n";

    private SdpEdits() {
    }

    /** The offer with m-line {@code mid}'s direction ({@code sendonly}, {@code recvonly}...) set to {@code dir}. */
    static String direction(String sdp, String mid, String dir) {
        List<List<String>> sections = sections(sdp);
        for (List<String> section : sections.subList(1, sections.size())) {
            if (section.contains("a=mid:" + mid)) {
                section.replaceAll(l -> l.equals("a=sendonly") || l.equals("a=recvonly") || l.equals("a=sendrecv")
                        || l.equals("a=inactive") ? "a=" + dir : l);
            }
        }
        return join(sections);
    }

    /** The offer plus a copy of its video m-line (mid 1) as mid {@code newMid}, added to the BUNDLE group. */
    static String extraVideo(String sdp, String newMid) {
        List<List<String>> sections = sections(sdp);
        List<String> copy = null;
        for (List<String> section : sections.subList(1, sections.size())) {
            if (section.get(0).startsWith("m=video") && section.contains("a=mid:1")) {
                copy = new ArrayList<>(section);
            }
        }
        if (copy == null) {
            throw new IllegalArgumentException("no video m-line with mid 1 in the offer");
        }
        copy.replaceAll(l -> l.equals("a=mid:1") ? "a=mid:" + newMid : l);
        copy.removeIf(l -> l.startsWith("a=ssrc:") || l.startsWith("a=msid:"));
        sections.get(0).replaceAll(l -> l.startsWith("a=group:BUNDLE ") ? l + " " + newMid : l);
        sections.add(copy);
        return join(sections);
    }

    /** The first SSRC of each m-line of an answer, by mid (m-lines without SSRC are left out). */
    static Map<String, Long> ssrcByMid(String sdp) {
        SdpParseResult parsed = SdpParser.parse(sdp);
        if (!parsed.isOk()) {
            throw new AssertionError("unparseable answer: " + parsed.error());
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (MediaDescription m : parsed.description().media()) {
            if (m.mid() != null && !m.ssrcIds().isEmpty()) {
                out.put(m.mid(), m.ssrcIds().get(0));
            }
        }
        return out;
    }

    /** Session part first, then one list of lines per m-line. */
    private static List<List<String>> sections(String sdp) {
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (String line : Arrays.asList(sdp.split(CRLF))) {
            if (line.startsWith("m=")) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(line);
        }
        return out;
    }

    private static String join(List<List<String>> sections) {
        StringBuilder sb = new StringBuilder();
        sections.forEach(s -> s.forEach(l -> sb.append(l).append(CRLF)));
        return sb.toString();
    }
}
