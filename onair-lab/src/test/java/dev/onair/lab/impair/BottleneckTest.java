package dev.onair.lab.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BottleneckTest {
    private static final int SIZE_BYTES = 1000;

    /** Offers 1000-byte datagrams at {@code offeredBps} for {@code seconds}; returns delivered bytes per second. */
    private static double deliveredRateBps(Impairment impairment, long offeredBps, int seconds, long fromNanos,
            long[] lastQueueDelayNanos) {
        long gapNanos = SIZE_BYTES * 8L * 1_000_000_000L / offeredBps;
        long delivered = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (long now = fromNanos; now < fromNanos + seconds * 1_000_000_000L; now += gapNanos) {
            Verdict v = impairment.decide(now, SIZE_BYTES);
            if (!v.dropped()) {
                delivered += SIZE_BYTES;
                first = Math.min(first, v.deliverAtNanos());
                last = v.deliverAtNanos();
                lastQueueDelayNanos[0] = v.deliverAtNanos() - now;
            } else {
                assertThat(v.dropReason()).isEqualTo(DropReason.QUEUE_FULL);
            }
        }
        return (delivered - SIZE_BYTES) * 8 * 1e9 / (last - first);
    }

    @Test
    void underOverloadTheRateHoldsAndQueueingDelayIsQueueOverRate() {
        long rateBps = 1_000_000;
        Impairment impairment = Impairment.create(ImpairmentProfile.builder()
                .rateBps(rateBps).queueLimit(QueueLimit.bytes(50_000)).build(), 1, 0);
        long[] queueDelay = new long[1];
        double rate = deliveredRateBps(impairment, 3_000_000, 20, 0, queueDelay);
        assertThat(rate).isCloseTo(rateBps, within(0.05 * rateBps));
        assertThat(impairment.drops(DropReason.QUEUE_FULL)).isPositive();
        // a full queue of 50 000 B at 1 Mbps drains in 400 ms; an admitted datagram waits behind up to one
        // datagram less than that plus its own transmission: within one transmission time (8 ms)
        assertThat(queueDelay[0] / 1e6).isCloseTo(400, within(8.0));
    }

    @Test
    void queueingDelayGrowsBeforeTheFirstLoss() {
        Impairment impairment = Impairment.create(ImpairmentProfile.builder()
                .rateBps(1_000_000).queueLimit(QueueLimit.millis(200)).build(), 1, 0);
        long previousDelay = -1;
        int i = 0;
        while (true) {
            long now = i++ * 4_000_000L; // 2 Mbps offered
            Verdict v = impairment.decide(now, SIZE_BYTES);
            if (v.dropped()) {
                assertThat(v.dropReason()).isEqualTo(DropReason.QUEUE_FULL);
                break;
            }
            long delay = v.deliverAtNanos() - now;
            assertThat(delay).isGreaterThan(previousDelay);
            previousDelay = delay;
        }
        assertThat(previousDelay / 1e6).isCloseTo(200, within(8.0));
    }

    @Test
    void underloadPassesEverythingWithOnlyTransmissionDelay() {
        Impairment impairment = Impairment.create(ImpairmentProfile.builder().rateBps(1_000_000).build(), 1, 0);
        for (int i = 0; i < 1000; i++) {
            long now = i * 10_000_000L; // 0.8 Mbps
            Verdict v = impairment.decide(now, SIZE_BYTES);
            assertThat(v.dropped()).isFalse();
            assertThat(v.deliverAtNanos() - now).isEqualTo(8_000_000);
        }
    }

    @Test
    void rateChangesOverTimeFollowTheScenario() {
        Scenario scenario = new Scenario("drop-to-500k", ImpairmentProfile.builder().rateBps(2_000_000).build(),
                java.util.List.of(new ScenarioStep(10_000, ScenarioStep.UNTIL_END,
                        ProfileOverrides.builder().rateBps(500_000).overrides())),
                0, java.util.OptionalLong.empty());
        Impairment impairment = Impairment.create(scenario, 1, 0);
        long[] delay = new long[1];
        double before = deliveredRateBps(impairment, 4_000_000, 10, 0, delay);
        double after = deliveredRateBps(impairment, 4_000_000, 10, 10_000_000_000L, delay);
        assertThat(before).isCloseTo(2_000_000, within(100_000.0));
        assertThat(after).isCloseTo(500_000, within(25_000.0));
        assertThat(impairment.currentProfile().rateBps()).isEqualTo(500_000);
    }
}
