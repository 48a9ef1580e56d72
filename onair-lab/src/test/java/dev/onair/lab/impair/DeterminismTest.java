package dev.onair.lab.impair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final int N = 20_000;

    private static final ImpairmentProfile BUSY = ImpairmentProfile.builder()
            .loss(new LossSpec.GilbertElliott(0.02, 0.3, 0.99, 0.2))
            .delayMillis(40).jitterMillis(15).reorderAllowed(true)
            .duplicateProbability(0.01)
            .rateBps(2_000_000).queueLimit(QueueLimit.millis(80))
            .build();

    private static long[] run(ImpairmentProfile profile, long seed) {
        Impairment impairment = Impairment.create(profile, seed, 1_000);
        long[] out = new long[N * 2];
        for (int i = 0; i < N; i++) {
            // 1000 B every 3 ms = 2.67 Mbps offered to a 2 Mbps link: the queue fills and drops too
            Verdict v = impairment.decide(1_000 + i * 3_000_000L, 1000);
            out[2 * i] = v.dropped() ? -1 - v.dropReason().ordinal() : v.deliverAtNanos();
            out[2 * i + 1] = v.duplicateAtNanos();
        }
        return out;
    }

    private static BitSet lossDrops(ImpairmentProfile profile, long seed) {
        Impairment impairment = Impairment.create(profile, seed, 0);
        BitSet drops = new BitSet();
        for (int i = 0; i < N; i++) {
            Verdict v = impairment.decide(i * 1_000_000L, 500);
            if (v.dropped() && (v.dropReason() == DropReason.LOSS || v.dropReason() == DropReason.BURST)) {
                drops.set(i);
            }
        }
        return drops;
    }

    @Test
    void sameSeedGivesIdenticalVerdicts() {
        long[] first = run(BUSY, 1234);
        assertThat(run(BUSY, 1234)).isEqualTo(first);
        assertThat(first).contains(-1 - DropReason.QUEUE_FULL.ordinal(), -1 - DropReason.BURST.ordinal());
    }

    @Test
    void anotherSeedGivesDifferentVerdicts() {
        assertThat(run(BUSY, 1235)).isNotEqualTo(run(BUSY, 1234));
        assertThat(lossDrops(BUSY, 99)).isNotEqualTo(lossDrops(BUSY, 98));
    }

    @Test
    void seedIsExposed() {
        assertThat(Impairment.create(BUSY, 777, 0).seed()).isEqualTo(777);
    }

    @Test
    void addingDuplicationJitterOrDelayDoesNotShiftTheLossSequence() {
        ImpairmentProfile lossOnly = ImpairmentProfile.builder().loss(new LossSpec.Bernoulli(0.05)).build();
        ImpairmentProfile withMore = ImpairmentProfile.builder().loss(new LossSpec.Bernoulli(0.05))
                .duplicateProbability(0.2).delayMillis(30).jitterMillis(10).reorderAllowed(true).build();
        BitSet expected = lossDrops(lossOnly, 5);
        assertThat(expected.cardinality()).isGreaterThan(N / 40);
        assertThat(lossDrops(withMore, 5)).isEqualTo(expected);
    }

    @Test
    void offDeliversEverythingAtOnce() {
        Impairment off = Impairment.off();
        assertThat(off.enabled()).isFalse();
        Verdict v = off.decide(123, 1200);
        assertThat(v.dropped()).isFalse();
        assertThat(v.deliverAtNanos()).isEqualTo(123);
        assertThat(v.duplicated()).isFalse();
        assertThat(Impairment.create(BUSY, 1, 0).enabled()).isTrue();
    }
}
