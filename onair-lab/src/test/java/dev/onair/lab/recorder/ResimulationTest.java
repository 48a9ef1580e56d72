package dev.onair.lab.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Presets;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.Verdict;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.recorder.Recording;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A "live" link shaped by lte-congested (seed 42), recorded the way the transport records (RTP packets, RTCP and
 * STUN as control datagrams, with the impairment's verdict), then dumped as JSON lines and re-simulated: the same
 * seed drops exactly the live packets, another seed does not.
 */
class ResimulationTest {
    private static final long MS = 1_000_000L;
    private static final Scenario LTE = Presets.named(Presets.LTE_CONGESTED).orElseThrow();

    private static Recording live(long seed) {
        FlightRecorder r = new FlightRecorder(20_000, 4_096, 600_000 * MS);
        long origin = 1_000 * MS;
        r.recordControl(origin, 1, ControlKind.SHAPING_CHANGED, -1, 2);
        Impairment imp = Impairment.create(LTE, seed, origin);
        SplittableRandom timing = new SplittableRandom(3);
        long now = origin;
        int seq = 100;
        for (int i = 0; i < 5_000; i++) {
            now += timing.nextLong(4 * MS);
            int kind = i % 50;
            int size = kind == 0 ? 80 : kind == 1 ? 120 : 300 + timing.nextInt(900);
            Verdict v = imp.decide(now, size);
            DropReason drop = !v.dropped() ? DropReason.NONE
                    : v.dropReason() == dev.onair.lab.impair.DropReason.QUEUE_FULL ? DropReason.BOTTLENECK
                    : DropReason.IMPAIRMENT;
            if (kind == 0) {
                r.recordControl(now, 1, ControlKind.RTCP_SENT, -1, size);
            } else if (kind == 1) {
                r.recordControl(now, 1, ControlKind.OTHER_DATAGRAM_SENT, -1, size);
            } else {
                r.recordPacket(now, 1, true, 0xBEEFL, seq++ & 0xFFFF, 0, 96, size, false, false, drop);
            }
            // The other direction and another link are left alone by the re-simulation of this one.
            r.recordPacket(now, 0, false, 0xF00DL, i & 0xFFFF, 0, 111, 90, false, false, DropReason.NONE);
        }
        return r.snapshot(now, 0);
    }

    private static Map<Integer, Resimulation.LinkResult> resimulate(Recording rec, long seed) throws Exception {
        StringWriter w = new StringWriter();
        JsonLinesWriter.write(rec.packets(), rec.controls(), w);
        JsonLinesReader.Result read = JsonLinesReader.read(new StringReader(w.toString()));
        assertThat(read.error()).isNull();
        return Resimulation.run(read.packets(), read.controls(), true, origin -> Impairment.create(LTE, seed, origin));
    }

    @Test
    void theSameSeedDropsExactlyTheLivePackets() throws Exception {
        Map<Integer, Resimulation.LinkResult> res = resimulate(live(42), 42);
        assertThat(res).containsOnlyKeys(1);
        Resimulation.LinkResult link = res.get(1);
        assertThat(link.datagrams()).isEqualTo(5_000);
        assertThat(link.liveDrops()).hasSizeGreaterThan(10);
        assertThat(link.drops()).isEqualTo(link.liveDrops());
        assertThat(link.matchesLive()).isTrue();
    }

    @Test
    void anotherSeedDropsOtherPackets() throws Exception {
        Resimulation.LinkResult link = resimulate(live(42), 43).get(1);
        assertThat(link.drops()).isNotEqualTo(link.liveDrops());
        assertThat(link.matchesLive()).isFalse();
    }

    @Test
    void theInboundDirectionWasNotShapedSoNothingIsResimulated() throws Exception {
        Recording rec = live(42);
        assertThat(Resimulation.run(rec.packets(), rec.controls(), false,
                origin -> Impairment.create(LTE, 42, origin))).isEmpty();
        assertThat(Resimulation.allDrops(resimulate(rec, 42), true)).isNotEmpty();
        assertThat(List.of(rec.packets().get(0).link())).containsAnyOf(0, 1);
    }
}
