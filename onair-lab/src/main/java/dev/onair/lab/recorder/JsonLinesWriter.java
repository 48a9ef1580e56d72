package dev.onair.lab.recorder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.onair.sfu.recorder.ControlRecord;
import dev.onair.sfu.recorder.PacketRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a dump as JSON lines: one object per packet ({@code "t":"rtp"}) and per control event
 * ({@code "t":"ctl"}), in recorded order, times since the first record in microseconds ({@code us}, for people)
 * and nanoseconds ({@code ns}, exact: what a replay and a re-simulation use); {@code link} says which of the
 * participant's transports.
 * <pre>
 * {"t":"rtp","us":0,"ns":0,"link":0,"dir":"in","ssrc":3735928559,"seq":17,"ts":90000,"pt":96,"size":1100,"m":false,"key":true,"drop":"none"}
 * {"t":"ctl","us":1200,"ns":1200345,"link":0,"kind":"keyframe_requested","ssrc":3735928559,"detail":1}
 * </pre>
 */
public final class JsonLinesWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLinesWriter() {
    }

    /** Both lists oldest first (as a recorder gives them); they are interleaved by their recorded order. */
    public static void write(List<PacketRecord> packets, List<ControlRecord> controls, Writer out) throws IOException {
        long base = Long.MAX_VALUE;
        for (PacketRecord p : packets) {
            base = Math.min(base, p.atNanos());
        }
        for (ControlRecord c : controls) {
            base = Math.min(base, c.atNanos());
        }
        int pi = 0;
        int ci = 0;
        while (pi < packets.size() || ci < controls.size()) {
            boolean packetNext = ci >= controls.size()
                    || (pi < packets.size() && packets.get(pi).order() <= controls.get(ci).order());
            JsonGenerator g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            if (packetNext) {
                PacketRecord p = packets.get(pi++);
                g.writeStringField("t", "rtp");
                g.writeNumberField("us", (p.atNanos() - base) / 1_000L);
                g.writeNumberField("ns", p.atNanos() - base);
                g.writeNumberField("link", p.link());
                g.writeStringField("dir", p.outbound() ? "out" : "in");
                g.writeNumberField("ssrc", p.ssrc());
                g.writeNumberField("seq", p.sequence());
                g.writeNumberField("ts", p.rtpTimestamp());
                g.writeNumberField("pt", p.payloadType());
                g.writeNumberField("size", p.sizeBytes());
                g.writeBooleanField("m", p.marker());
                g.writeBooleanField("key", p.keyframe());
                g.writeStringField("drop", p.drop().wireName());
            } else {
                ControlRecord c = controls.get(ci++);
                g.writeStringField("t", "ctl");
                g.writeNumberField("us", (c.atNanos() - base) / 1_000L);
                g.writeNumberField("ns", c.atNanos() - base);
                g.writeNumberField("link", c.link());
                g.writeStringField("kind", c.kind().wireName());
                g.writeNumberField("ssrc", c.ssrc());
                g.writeNumberField("detail", c.detail());
            }
            g.writeEndObject();
            g.close();
            out.write('\n');
        }
        out.flush();
    }
}
