package dev.onair.server.lab;

import dev.onair.lab.recorder.JsonLinesWriter;
import dev.onair.lab.recorder.PcapWriter;
import dev.onair.sfu.recorder.Recording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The two formats of a flight-recorder dump: JSON lines (everything) and pcap (RTP headers only). */
public enum RecordingDump {
    JSONL("application/x-ndjson", "jsonl"),
    PCAP("application/vnd.tcpdump.pcap", "pcap");

    private final String contentType;
    private final String extension;

    RecordingDump(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by a {@code format} query value (null: JSON lines), or null when unknown. */
    public static RecordingDump of(String name) {
        if (name == null) {
            return JSONL;
        }
        for (RecordingDump d : values()) {
            if (d.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }

    /** A file name for the dump of {@code identity} in {@code room} (only [A-Za-z0-9._-] kept). */
    public String fileName(String room, String identity, long wallMillis) {
        return "onair-" + safe(room) + "-" + safe(identity) + "-" + wallMillis + "." + extension;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public byte[] write(Recording r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (this == JSONL) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                JsonLinesWriter.write(r.packets(), r.controls(), w);
                w.flush();
            } else {
                PcapWriter.write(r.packets(), r.takenAtNanos(), r.takenAtWallMillis() * 1_000_000L, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
