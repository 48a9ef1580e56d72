package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeResultEstimatorTest {
    private static final long MS = 1_000_000L;

    /** Ten 1000-byte probe packets sent 4 ms apart (2 Mbit/s), arriving {@code arrivalSpacingNanos} apart. */
    private static ProbeResultEstimator probe(long arrivalSpacingNanos, int lostEvery) {
        ProbeResultEstimator est = new ProbeResultEstimator();
        est.register(new ProbeCluster(7, 2_000_000, 5, 15 * MS));
        for (long seq = 100; seq < 110; seq++) {
            est.onProbeSent(seq, 7);
        }
        for (long seq = 100; seq < 110; seq++) {
            int i = (int) (seq - 100);
            boolean received = lostEvery == 0 || i % lostEvery != 1;
            est.onPacket(seq, i * 4 * MS, 1000, received, received ? 9_000 * MS + i * arrivalSpacingNanos : -1);
        }
        return est;
    }

    @Test
    void anUncongestedProbeMeasuresItsSendRate() {
        ProbeResultEstimator est = probe(4 * MS, 0);
        assertThat(est.evaluate()).isTrue();
        assertThat(est.resultClusterId()).isEqualTo(7);
        assertThat(est.resultBps()).isBetween(1_990_000L, 2_010_000L);
    }

    @Test
    void aSaturatedLinkGivesNinetyFivePercentOfTheReceiveRate() {
        ProbeResultEstimator est = probe(8 * MS, 0); // the bottleneck spreads it to 1 Mbit/s
        assertThat(est.evaluate()).isTrue();
        assertThat(est.resultBps()).isBetween(940_000L, 960_000L);
    }

    @Test
    void tooFewReceivedPacketsGiveNoResult() {
        ProbeResultEstimator est = new ProbeResultEstimator();
        est.register(new ProbeCluster(3, 2_000_000, 5, 15 * MS));
        for (long seq = 0; seq < 5; seq++) {
            est.onProbeSent(seq, 3);
            est.onPacket(seq, seq * 4 * MS, 1000, seq < 3, seq < 3 ? seq * 4 * MS : -1);
        }
        assertThat(est.evaluate()).isFalse();
    }

    @Test
    void packetsOfNoClusterAndImplausiblyFastArrivalsAreIgnored() {
        ProbeResultEstimator est = new ProbeResultEstimator();
        for (long seq = 0; seq < 10; seq++) {
            est.onPacket(seq, seq * 4 * MS, 1000, true, seq * 4 * MS);
        }
        assertThat(est.evaluate()).isFalse();
        ProbeResultEstimator fast = probe(1 * MS, 0); // arriving 4 × faster than sent: not a measurement
        assertThat(fast.evaluate()).isFalse();
    }

    @Test
    void aFeedbackWithoutProbePacketsReportsNothingNew() {
        ProbeResultEstimator est = probe(4 * MS, 0);
        assertThat(est.evaluate()).isTrue();
        assertThat(est.evaluate()).isFalse();
    }

    /** Five 275-byte packets sent in one burst (the pacer released them together), arriving {@code spacing} apart. */
    private static ProbeResultEstimator burst(long arrivalSpacingNanos) {
        ProbeResultEstimator est = new ProbeResultEstimator();
        est.register(new ProbeCluster(9, 600_000, 5, 15 * MS));
        for (long seq = 200; seq < 205; seq++) {
            est.onProbeSent(seq, 9);
            est.onPacket(seq, 5 * MS, 275, true, 9_000 * MS + (seq - 200) * arrivalSpacingNanos);
        }
        return est;
    }

    @Test
    void aBurstThatArrivesWithinOneFeedbackTickProvesTheTargetAndNoMore() {
        ProbeResultEstimator est = burst(0);
        assertThat(est.evaluate()).isTrue();
        assertThat(est.resultBps()).isEqualTo(600_000L);
    }

    @Test
    void aBurstSpreadByTheBottleneckMeasuresTheBottleneck() {
        ProbeResultEstimator est = burst(5 * MS); // 275 B per 5 ms: 440 kbit/s
        assertThat(est.evaluate()).isTrue();
        assertThat(est.resultBps()).isBetween(400_000L, 440_000L);
    }
}
