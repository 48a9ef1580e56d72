package dev.onair.sfu.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.GenericNack;
import dev.onair.protocol.rtcp.NackItem;
import dev.onair.sfu.rtx.NackGenerator.Arrival;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time is passed in explicitly (a manual clock): nothing here sleeps. */
class NackGeneratorTest {
    private static final long MS = 1_000_000L;
    private final NackGenerator gen = new NackGenerator(64);
    private final long[] out = new long[64];

    private long[] poll(long nowNanos) {
        if (!gen.isDue(nowNanos)) {
            return new long[0];
        }
        return Arrays.copyOf(out, gen.poll(nowNanos, out));
    }

    @Test
    void aGapIsNackedOnceThePacketsAfterItPassTheReorderAllowance() {
        gen.onPacket(100, 0);
        gen.onPacket(102, 1 * MS); // 101 missing
        assertThat(poll(1 * MS)).as("one packet past the gap: still within the allowance").isEmpty();
        gen.onPacket(103, 2 * MS);
        assertThat(poll(2 * MS)).isEmpty();
        gen.onPacket(104, 3 * MS); // 104 - 101 = 3 > 2
        assertThat(poll(3 * MS)).containsExactly(101);
        assertThat(gen.requested()).isEqualTo(1);
    }

    @Test
    void aGapIsNackedAfterTheReorderTimeEvenWhenNothingFollows() {
        gen.onPacket(100, 0);
        gen.onPacket(102, 0);
        assertThat(poll(9 * MS)).isEmpty();
        assertThat(poll(NackGenerator.REORDER_NANOS)).containsExactly(101);
    }

    @Test
    void reorderingWithinTheAllowanceSendsNoNack() {
        gen.onPacket(100, 0);
        gen.onPacket(102, 1 * MS);
        assertThat(gen.onPacket(101, 2 * MS)).isEqualTo(Arrival.RECOVERED);
        gen.onPacket(103, 3 * MS);
        gen.onPacket(104, 4 * MS);
        assertThat(poll(50 * MS)).isEmpty();
        assertThat(gen.missingCount()).isZero();
        assertThat(gen.requested()).isZero();
    }

    @Test
    void retriesEveryRoundTripThenGivesUpAndWantsAKeyframe() {
        gen.setRttNanos(30 * MS);
        gen.onPacket(10, 0);
        gen.onPacket(12, 0);
        assertThat(poll(10 * MS)).containsExactly(11);
        assertThat(poll(39 * MS)).as("less than a round trip since").isEmpty();
        assertThat(gen.isDue(39 * MS)).isFalse();
        long now = 40 * MS;
        int sends = 1;
        while (sends < NackGenerator.MAX_RETRIES) {
            assertThat(poll(now)).containsExactly(11);
            sends++;
            now += 30 * MS;
        }
        assertThat(gen.requested()).isEqualTo(NackGenerator.MAX_RETRIES);
        assertThat(gen.takeKeyframeNeeded()).isFalse();
        assertThat(poll(now)).as("the last retry unanswered for a round trip").isEmpty();
        assertThat(gen.unrecoverable()).isEqualTo(1);
        assertThat(gen.missingCount()).isZero();
        assertThat(gen.takeKeyframeNeeded()).isTrue();
        assertThat(gen.takeKeyframeNeeded()).as("only once").isFalse();
    }

    @Test
    void givesUpAtTheDeadlineWhateverTheRetries() {
        gen.setRttNanos(400 * MS); // deadline 5 RTT = 2 s
        gen.onPacket(10, 0);
        gen.onPacket(12, 0);
        assertThat(poll(10 * MS)).containsExactly(11);
        assertThat(poll(1_999 * MS)).containsExactly(11); // fifth retry time has long passed: one more
        assertThat(poll(2_000 * MS)).isEmpty();
        assertThat(gen.unrecoverable()).isEqualTo(1);
    }

    @Test
    void unknownRttMeansOneHundredMillisecondsAndTheRetryHasAFloor() {
        assertThat(gen.retryIntervalNanos()).isEqualTo(100 * MS);
        assertThat(gen.giveUpNanos()).isEqualTo(1_000 * MS);
        gen.setRttNanos(1 * MS);
        assertThat(gen.retryIntervalNanos()).isEqualTo(NackGenerator.MIN_RETRY_NANOS);
    }

    @Test
    void aRetransmissionRecoversAndItsDuplicateIsOld() {
        gen.onPacket(10, 0);
        gen.onPacket(14, 0);
        assertThat(poll(10 * MS)).containsExactly(11, 12, 13);
        assertThat(gen.onPacket(12, 20 * MS)).isEqualTo(Arrival.RECOVERED);
        assertThat(gen.onPacket(12, 21 * MS)).isEqualTo(Arrival.OLD);
        assertThat(gen.onPacket(10, 21 * MS)).isEqualTo(Arrival.OLD);
        assertThat(gen.recovered()).isEqualTo(1);
        assertThat(poll(110 * MS)).containsExactly(11, 13);
    }

    @Test
    void tooManyMissingGivesThemAllUpAndWantsAKeyframe() {
        gen.onPacket(0, 0);
        gen.onPacket(50, 0); // 49 missing of 64
        gen.onPacket(70, 0); // 19 more: over
        assertThat(gen.unrecoverable()).isEqualTo(68);
        assertThat(gen.missingCount()).isZero();
        assertThat(gen.takeKeyframeNeeded()).isTrue();
        assertThat(gen.onPacket(71, 0)).isEqualTo(Arrival.NEW);
        assertThat(poll(50 * MS)).isEmpty();
    }

    @Test
    void extendedNumbersAcrossTheWrapBecomeOneNackWithTheWireNumbers() {
        gen.onPacket(65_533, 0);
        gen.onPacket(65_539, 0); // 65534, 65535, 65536 (=0), 65537 (=1), 65538 (=2) missing
        long[] seqs = poll(10 * MS);
        assertThat(seqs).containsExactly(65_534, 65_535, 65_536, 65_537, 65_538);
        List<NackItem> items = NackGenerator.items(seqs, seqs.length);
        assertThat(items).containsExactly(new NackItem(65_534, 0b1111));
        assertThat(new GenericNack(1, 2, items).lostSequenceNumbers()).containsExactly(65_534, 65_535, 0, 1, 2);
    }

    @Test
    void itemsSplitWhenMoreThanSixteenApart() {
        long[] seqs = {5, 6, 21, 22, 40};
        assertThat(NackGenerator.items(seqs, seqs.length))
                .containsExactly(new NackItem(5, 0b1 | 1 << 15), new NackItem(22, 0), new NackItem(40, 0));
    }

    @Test
    void resetForgetsWithoutCountingALoss() {
        gen.onPacket(0, 0);
        gen.onPacket(5, 0);
        gen.reset();
        assertThat(gen.missingCount()).isZero();
        assertThat(gen.onPacket(9_000, 0)).isEqualTo(Arrival.NEW);
        assertThat(gen.onPacket(9_001, 0)).isEqualTo(Arrival.NEW);
        assertThat(gen.unrecoverable()).isZero();
        assertThat(gen.isDue(1_000 * MS)).isFalse();
    }
}
