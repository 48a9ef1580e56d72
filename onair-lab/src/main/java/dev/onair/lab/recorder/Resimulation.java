package dev.onair.lab.recorder;

import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Verdict;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.ControlRecord;
import dev.onair.sfu.recorder.PacketRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Plays a dump's datagrams of one direction back through a fresh {@link Impairment}, under the recorded times (a
 * manual clock), and says which RTP packets it drops. Each of the participant's transports ("links") had its own
 * impairment, created when its shaping was set ({@link ControlKind#SHAPING_CHANGED}), so each link is re-simulated
 * on its own from its last shaping change: every datagram the shaper saw (RTP, RTCP, STUN, DTLS) in recorded order
 * with its recorded time and size. With the same scenario and seed, the drops are the ones recorded live, exactly.
 *
 * <p>Exact only when the dump holds the link's whole sequence since that change (a {@link LinkResult#complete()}
 * link): a dump keeps the last minute, so a longer run starts the re-simulation mid-way and its random draws
 * differ. The impairment's origin is taken as the time of the shaping change (the server's origin is the moment
 * the setting was applied, microseconds earlier; for a scenario whose steps fall exactly there this may matter).
 */
public final class Resimulation {
    private Resimulation() {
    }

    /** One dropped RTP packet. */
    public record Drop(int link, long ssrc, int sequence, long atNanos) {
    }

    /**
     * @param link       the transport
     * @param datagrams  datagrams played through the impairment
     * @param drops      RTP packets the re-simulation dropped, in order
     * @param liveDrops  RTP packets the live impairment dropped over the same datagrams (recorded drop reason
     *                   {@code impairment} or {@code bottleneck}), in order
     * @param complete   the link's shaping change is in the dump, so the sequence is whole
     */
    public record LinkResult(int link, long datagrams, List<Drop> drops, List<Drop> liveDrops, boolean complete) {
        /** The re-simulation dropped exactly the packets dropped live. */
        public boolean matchesLive() {
            return drops.equals(liveDrops);
        }
    }

    /**
     * @param outbound    re-simulate what the server sent (the participant's downlink) rather than what it received
     * @param impairments a fresh impairment for an origin (monotonic nanos in the dump's time base)
     * @return per link that was shaped in that direction, by link number
     */
    public static Map<Integer, LinkResult> run(List<PacketRecord> packets, List<ControlRecord> controls,
                                               boolean outbound, LongFunction<Impairment> impairments) {
        int bit = outbound ? 2 : 1;
        Map<Integer, ControlRecord> lastChange = new TreeMap<>();
        for (ControlRecord c : controls) {
            if (c.kind() == ControlKind.SHAPING_CHANGED) {
                lastChange.put(c.link(), c);
            }
        }
        Map<Integer, LinkResult> out = new TreeMap<>();
        for (Map.Entry<Integer, ControlRecord> e : lastChange.entrySet()) {
            if ((e.getValue().detail() & bit) != 0) {
                out.put(e.getKey(), runLink(e.getKey(), e.getValue(), packets, controls, outbound, impairments));
            }
        }
        return out;
    }

    /** All drops of a result map, links in order. */
    public static List<Drop> allDrops(Map<Integer, LinkResult> results, boolean live) {
        List<Drop> out = new ArrayList<>();
        for (LinkResult r : results.values()) {
            out.addAll(live ? r.liveDrops() : r.drops());
        }
        return out;
    }

    private static LinkResult runLink(int link, ControlRecord start, List<PacketRecord> packets,
                                      List<ControlRecord> controls, boolean outbound,
                                      LongFunction<Impairment> impairments) {
        List<Object> seq = new ArrayList<>();
        for (PacketRecord p : packets) {
            if (p.link() == link && p.outbound() == outbound && p.order() > start.order()) {
                seq.add(p);
            }
        }
        for (ControlRecord c : controls) {
            if (c.link() == link && c.kind().isDatagram() && c.kind().isOutboundDatagram() == outbound
                    && c.order() > start.order()) {
                seq.add(c);
            }
        }
        seq.sort(Comparator.comparingLong(Resimulation::orderOf));
        Impairment impairment = impairments.apply(start.atNanos());
        List<Drop> drops = new ArrayList<>();
        List<Drop> live = new ArrayList<>();
        for (Object o : seq) {
            long at = o instanceof PacketRecord p ? p.atNanos() : ((ControlRecord) o).atNanos();
            int size = o instanceof PacketRecord p ? p.sizeBytes() : ((ControlRecord) o).detail();
            Verdict v = impairment.decide(at, size);
            if (o instanceof PacketRecord p) {
                if (v.dropped()) {
                    drops.add(new Drop(link, p.ssrc(), p.sequence(), p.atNanos()));
                }
                if (p.drop().byImpairment()) {
                    live.add(new Drop(link, p.ssrc(), p.sequence(), p.atNanos()));
                }
            }
        }
        return new LinkResult(link, seq.size(), List.copyOf(drops), List.copyOf(live), true);
    }

    private static long orderOf(Object o) {
        return o instanceof PacketRecord p ? p.order() : ((ControlRecord) o).order();
    }
}
