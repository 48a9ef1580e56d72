package dev.onair.lab.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.ControlRecord;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.PacketRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a dump written by {@link JsonLinesWriter} (the replay tool's input). Times come from {@code ns}
 * (or {@code us} × 1000 when absent), relative to the dump's first record; the line number becomes the record's
 * order. Never throws on a bad file: the result carries what was read before the first bad line and a one-line
 * error naming it.
 */
public final class JsonLinesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesReader() {
    }

    /**
     * @param packets  the RTP records, in file order
     * @param controls the control records, in file order
     * @param error    null, or why reading stopped early
     */
    public record Result(List<PacketRecord> packets, List<ControlRecord> controls, String error) {
    }

    public static Result read(Reader in) {
        List<PacketRecord> packets = new ArrayList<>();
        List<ControlRecord> controls = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        long line = 0;
        try {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                String error = parseLine(s, line, packets, controls);
                if (error != null) {
                    return new Result(packets, controls, "line " + line + ": " + error);
                }
            }
        } catch (IOException e) {
            return new Result(packets, controls, "reading failed after line " + line + ": " + e.getMessage());
        }
        return new Result(packets, controls, null);
    }

    private static String parseLine(String s, long line, List<PacketRecord> packets, List<ControlRecord> controls) {
        JsonNode n;
        try {
            n = JSON.readTree(s);
        } catch (IOException | RuntimeException e) {
            return "not JSON";
        }
        if (n == null || !n.isObject() || !n.path("t").isTextual()) {
            return "not a dump record (no \"t\")";
        }
        long at = n.has("ns") ? n.path("ns").asLong() : n.path("us").asLong() * 1_000L;
        int link = n.path("link").asInt(0);
        switch (n.path("t").asText()) {
            case "rtp" -> {
                if (!n.path("ssrc").canConvertToLong() || !n.path("seq").isInt() || !n.path("size").isInt()) {
                    return "an rtp record needs integer ssrc, seq and size";
                }
                packets.add(new PacketRecord(at, line, link, "out".equals(n.path("dir").asText()),
                        n.path("ssrc").asLong(), n.path("seq").asInt() & 0xFFFF, n.path("ts").asLong(),
                        n.path("pt").asInt() & 0x7F, n.path("size").asInt(), n.path("m").asBoolean(),
                        n.path("key").asBoolean(), DropReason.ofWireName(n.path("drop").asText("none"))));
                return null;
            }
            case "ctl" -> {
                ControlKind kind = ControlKind.ofWireName(n.path("kind").asText());
                if (kind == null) {
                    return "unknown control kind " + n.path("kind");
                }
                controls.add(new ControlRecord(at, line, link, kind, n.path("ssrc").asLong(-1),
                        n.path("detail").asInt()));
                return null;
            }
            default -> {
                return "unknown record type " + n.path("t");
            }
        }
    }
}
