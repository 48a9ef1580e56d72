package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.twcc.PacketResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Feedback the estimator must survive: it never throws and its outputs stay finite and within the config. */
class SendSideEstimatorJunkTest {
    private static final long MS = 1_000_000L;
    private static final BweConfig CONFIG = BweConfig.defaults();

    private static void assertSane(SendSideEstimator est) {
        assertThat(est.estimateBps()).isBetween(CONFIG.minBitrateBps(), CONFIG.maxBitrateBps());
        assertThat(est.ackedBitrateBps()).isNotNegative();
        assertThat(est.lossFraction()).isBetween(0.0, 1.0);
        assertThat(est.delaySignal()).isNotNull();
        assertThat(est.lastChangeReason()).isNotNull();
    }

    @Test
    void emptyAndNullFeedbackChangeNothing() {
        SendSideEstimator est = new SendSideEstimator(CONFIG, 0);
        est.onFeedback(List.of(), 0);
        est.onFeedback(null, 0);
        est.onFeedback(Arrays.asList((PacketResult) null), 0);
        assertThat(est.estimateBps()).isEqualTo(CONFIG.startBitrateBps());
        assertThat(est.lastChangeReason()).isEqualTo("start");
        assertThat(est.ignoredPackets()).isEqualTo(1);
    }

    @Test
    void allLostPullsTheEstimateDownToTheFloorButNoFurther() {
        SendSideEstimator est = new SendSideEstimator(CONFIG, 0);
        long seq = 0;
        for (int f = 0; f < 200; f++) {
            List<PacketResult> results = new ArrayList<>();
            for (int i = 0; i < 30; i++, seq++) {
                results.add(new PacketResult(seq, seq * MS, 1200, false, -1));
            }
            est.onFeedback(results, f * 100 * MS);
            assertSane(est);
        }
        assertThat(est.lossFraction()).isEqualTo(1.0);
        assertThat(est.estimateBps()).isEqualTo(CONFIG.minBitrateBps());
        assertThat(est.lastChangeReason()).startsWith("loss ");
    }

    @Test
    void duplicatesAreIgnoredAndCountedReorderedSequencesAreNot() {
        SendSideEstimator est = new SendSideEstimator(CONFIG, 0);
        List<PacketResult> results = new ArrayList<>();
        for (long seq = 0; seq < 50; seq++) {
            results.add(new PacketResult(seq, seq * MS, 1000, true, 5_000 * MS + seq * MS));
        }
        est.onFeedback(results, 100 * MS);
        est.onFeedback(results, 200 * MS);
        List<PacketResult> reversed = new ArrayList<>();
        for (long seq = 99; seq >= 50; seq--) {
            reversed.add(new PacketResult(seq, seq * MS, 1000, true, 5_000 * MS + seq * MS));
        }
        est.onFeedback(reversed, 300 * MS);
        assertThat(est.ignoredPackets()).isEqualTo(50);
        assertSane(est);
    }

    @Test
    void arrivalTimesGoingBackwardsAndHugeGapsStaySane() {
        SendSideEstimator est = new SendSideEstimator(CONFIG, 0);
        long seq = 0;
        long[] arrivalJumps = {0, -10_000 * MS, Long.MAX_VALUE / 4, 3, -Long.MAX_VALUE / 4, 0};
        for (int f = 0; f < 60; f++) {
            List<PacketResult> results = new ArrayList<>();
            long jump = arrivalJumps[f % arrivalJumps.length];
            for (int i = 0; i < 20; i++, seq++) {
                long send = seq * 2 * MS;
                long arrival = Math.max(0, 1_000_000 * MS + send + jump - i * 7 * MS);
                results.add(new PacketResult(seq, send, 1200, true, arrival));
            }
            est.onFeedback(results, f * 50 * MS);
            assertSane(est);
        }
        // a sequence gap of millions and send times far in the past or future
        est.onFeedback(List.of(new PacketResult(seq + 5_000_000, -Long.MAX_VALUE / 2, 1200, true, 0),
                new PacketResult(seq + 5_000_001, Long.MAX_VALUE / 2, Integer.MAX_VALUE, true, Long.MAX_VALUE / 2),
                new PacketResult(seq + 5_000_002, 0, -5, true, 1)), 10_000 * MS);
        assertSane(est);
    }

    @Test
    void seededRandomFeedbackNeverThrowsNorLeavesTheRange() {
        Random random = new Random(20_261_125L);
        SendSideEstimator est = new SendSideEstimator(CONFIG, 0);
        long now = 0;
        for (int f = 0; f < 2_000; f++) {
            int n = random.nextInt(40);
            List<PacketResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                boolean received = random.nextInt(4) != 0;
                long arrival = received ? random.nextLong() >> random.nextInt(64) : -1;
                long seq = random.nextLong() >> random.nextInt(64);
                long send = random.nextLong() >> random.nextInt(64);
                results.add(new PacketResult(seq, send, random.nextInt(3000) - 100, received, arrival));
            }
            if (random.nextBoolean()) {
                Collections.sort(results, (a, b) -> Long.compare(a.sequence(), b.sequence()));
            }
            now += random.nextInt(200) * MS;
            est.onFeedback(results, now);
            if (random.nextInt(10) == 0) {
                est.onRtt(random.nextLong(), now);
            }
            if (random.nextInt(10) == 0) {
                est.onProbeSent(random.nextLong(), random.nextInt(5) - 1);
            }
            est.nextProbe(now, random.nextLong() >>> 1);
            assertSane(est);
        }
    }
}
