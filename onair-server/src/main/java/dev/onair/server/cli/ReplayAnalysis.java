package dev.onair.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.lab.recorder.JsonLinesReader;
import dev.onair.lab.recorder.Replay;
import dev.onair.lab.recorder.Resimulation;
import dev.onair.sfu.recorder.PacketRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * What {@code onair replay} prints, computed from a dump: receive statistics per direction and SSRC by
 * {@link Replay} (the recorded times are the clock), and optionally a {@link Resimulation} of one direction's links.
 * The outbound direction is replayed as the peer would have received it: what the server sent, less what the
 * impairment dropped, at the send times (the impairment's delay is not in the dump).
 */
final class ReplayAnalysis {
    /** Dropped sequence numbers shown per link. */
    static final int FIRST_DROPS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One direction and SSRC's statistics. */
    record Stream(String direction, Replay.StreamStats stats) {
        double lossPercent() {
            return stats.expected() == 0 ? 0 : 100.0 * stats.lost() / stats.expected();
        }
    }

    /** A re-simulation and what it was given. */
    record Resim(String impairment, long seed, String direction, Map<Integer, Resimulation.LinkResult> links) {
    }

    private ReplayAnalysis() {
    }

    /** Statistics of the inbound packets, then of the outbound ones. */
    static List<Stream> streams(JsonLinesReader.Result dump, IntUnaryOperator clockRateHz) {
        List<Stream> out = new ArrayList<>();
        Replay.receiveStatistics(dump.packets(), clockRateHz).values()
                .forEach(s -> out.add(new Stream("in", s)));
        List<PacketRecord> sent = new ArrayList<>();
        for (PacketRecord p : dump.packets()) {
            if (p.outbound()) {
                sent.add(new PacketRecord(p.atNanos(), p.order(), p.link(), false, p.ssrc(), p.sequence(),
                        p.rtpTimestamp(), p.payloadType(), p.sizeBytes(), p.marker(), p.keyframe(), p.drop()));
            }
        }
        Replay.receiveStatistics(sent, clockRateHz).values().forEach(s -> out.add(new Stream("out", s)));
        return out;
    }

    static String text(String file, JsonLinesReader.Result dump, List<Stream> streams, Resim resim) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d packets, %d control events%n", file, dump.packets().size(),
                dump.controls().size()));
        b.append(String.format(Locale.ROOT, "%-4s %-10s %9s %9s %7s %7s %10s%n", "dir", "ssrc", "received",
                "expected", "lost", "loss%", "jitter ms"));
        for (Stream s : streams) {
            Replay.StreamStats st = s.stats();
            b.append(String.format(Locale.ROOT, "%-4s %-10d %9d %9d %7d %7.2f %10.2f%n", s.direction(), st.ssrc(),
                    st.received(), st.expected(), st.lost(), s.lossPercent(), st.jitterMs()));
        }
        if (resim != null) {
            b.append(String.format(Locale.ROOT, "re-simulation: %s, seed %d, direction %s%n", resim.impairment(),
                    resim.seed(), resim.direction()));
            if (resim.links().isEmpty()) {
                b.append("  no link was shaped in this direction in the dump (no shaping_changed event)")
                        .append(System.lineSeparator());
            }
            for (Resimulation.LinkResult l : resim.links().values()) {
                b.append(String.format(Locale.ROOT,
                        "  link %d: %d datagrams, %d RTP packets dropped (live: %d), %s%s%n", l.link(),
                        l.datagrams(), l.drops().size(), l.liveDrops().size(),
                        l.matchesLive() ? "matches the live drops" : "differs from the live drops",
                        l.complete() ? "" : " (dump incomplete)"));
                b.append("    first dropped (ssrc:seq): ").append(firstDrops(l.drops()))
                        .append(System.lineSeparator());
                if (!l.matchesLive()) {
                    b.append("    first live drops:         ").append(firstDrops(l.liveDrops()))
                            .append(System.lineSeparator());
                }
            }
        }
        return b.toString();
    }

    private static String firstDrops(List<Resimulation.Drop> drops) {
        if (drops.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Resimulation.Drop d : drops.subList(0, Math.min(FIRST_DROPS, drops.size()))) {
            parts.add(d.ssrc() + ":" + d.sequence());
        }
        return String.join(" ", parts) + (drops.size() > FIRST_DROPS ? " …" : "");
    }

    static String json(String file, JsonLinesReader.Result dump, List<Stream> streams, Resim resim) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file).put("packets", dump.packets().size()).put("controls", dump.controls().size());
        ArrayNode arr = root.putArray("streams");
        for (Stream s : streams) {
            Replay.StreamStats st = s.stats();
            arr.addObject().put("direction", s.direction()).put("ssrc", st.ssrc()).put("received", st.received())
                    .put("expected", st.expected()).put("lost", st.lost())
                    .put("lossPercent", Math.round(s.lossPercent() * 100) / 100.0)
                    .put("jitterMillis", Math.round(st.jitterMs() * 1000) / 1000.0);
        }
        if (resim != null) {
            ObjectNode r = root.putObject("resimulation");
            r.put("impairment", resim.impairment()).put("seed", resim.seed()).put("direction", resim.direction());
            ArrayNode links = r.putArray("links");
            for (Resimulation.LinkResult l : resim.links().values()) {
                ObjectNode o = links.addObject().put("link", l.link()).put("datagrams", l.datagrams())
                        .put("dropped", l.drops().size()).put("liveDropped", l.liveDrops().size())
                        .put("matchesLive", l.matchesLive()).put("complete", l.complete());
                ArrayNode first = o.putArray("firstDropped");
                for (Resimulation.Drop d : l.drops().subList(0, Math.min(FIRST_DROPS, l.drops().size()))) {
                    first.addObject().put("ssrc", d.ssrc()).put("seq", d.sequence());
                }
            }
        }
        return root.toString();
    }
}
