package dev.onair.lab.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onair.lab.impair.parse.MahimahiTraceParser;
import org.junit.jupiter.api.Test;

class TraceReplayTest {

    /** A 1-second trace: 250 opportunities in the first half, none in the second: 3 Mbit/s on average. */
    private static MahimahiTrace burstyTrace() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            text.append(2 * i + 1).append('\n');
        }
        text.append("1000\n");
        return MahimahiTraceParser.parse("half-second-on", text.toString()).value();
    }

    @Test
    void deliversAtTheTraceRateUnderOverload() {
        MahimahiTrace trace = burstyTrace();
        assertThat(trace.meanRateBps()).isCloseTo(251 * 1500 * 8.0, within(1.0));
        Impairment impairment = Impairment.create(ImpairmentProfile.builder().trace(trace)
                .queueLimit(QueueLimit.bytes(100_000)).build(), 1, 0);
        long deliveredBytes = 0;
        long lastDelivery = 0;
        // 1500 B every 1 ms = 12 Mbit/s offered for 20 s (20 loops)
        for (long i = 0; i < 20_000; i++) {
            Verdict v = impairment.decide(i * 1_000_000, 1500);
            if (!v.dropped()) {
                deliveredBytes += 1500;
                lastDelivery = Math.max(lastDelivery, v.deliverAtNanos());
            }
        }
        double rateBps = deliveredBytes * 8 * 1e9 / lastDelivery;
        assertThat(rateBps).isCloseTo(trace.meanRateBps(), within(0.05 * trace.meanRateBps()));
        assertThat(impairment.drops(DropReason.QUEUE_FULL)).isPositive();
    }

    @Test
    void packetsWaitForOpportunitiesAndShareThem() {
        // opportunities at 10 ms and 20 ms, period 20 ms
        MahimahiTrace trace = MahimahiTrace.of("two", new long[] {10, 20});
        Impairment impairment = Impairment.create(ImpairmentProfile.builder().trace(trace).build(), 1, 0);
        assertThat(impairment.decide(0, 500).deliverAtNanos()).isEqualTo(10_000_000);
        assertThat(impairment.decide(1_000_000, 1000).deliverAtNanos()).isEqualTo(10_000_000); // fills it
        assertThat(impairment.decide(2_000_000, 1000).deliverAtNanos()).isEqualTo(20_000_000);
        // the 500 B left at 20 ms are used by the next packet; 700 B more spill to 30 ms (next loop's first)
        assertThat(impairment.decide(3_000_000, 1200).deliverAtNanos()).isEqualTo(30_000_000);
        // an arrival after unused opportunities does not get them back
        assertThat(impairment.decide(75_000_000, 100).deliverAtNanos()).isEqualTo(80_000_000);
    }

    @Test
    void opportunityLookupAcrossLoopBoundaries() {
        MahimahiTrace trace = MahimahiTrace.of("t", new long[] {0, 5, 10});
        assertThat(trace.firstOpportunityAtOrAfter(0)).isZero();
        assertThat(trace.firstOpportunityAtOrAfter(1)).isEqualTo(1);
        assertThat(trace.firstOpportunityAtOrAfter(10_000_000)).isEqualTo(2); // 10 ms: the entry "10" of loop 0
        assertThat(trace.opportunityTimeNanos(3)).isEqualTo(10_000_000); // "0" of loop 1, same instant
        assertThat(trace.firstOpportunityAtOrAfter(10_000_001)).isEqualTo(4);
    }
}
