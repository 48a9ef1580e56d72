package dev.onair.sfu.bwe;

import static dev.onair.sfu.bwe.ReceiveSideSimulation.MS;
import static dev.onair.sfu.bwe.ReceiveSideSimulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The REMB estimator against a simulated bottleneck and against junk send times (manual time, seeded). */
class ReceiveSideEstimatorTest {
    private static final BweConfig CONFIG = new BweConfig(1_000_000, 30_000, 20_000_000);

    @Test
    void convergesNearAOneAndAHalfMegabitCap() {
        ReceiveSideSimulation sim = new ReceiveSideSimulation(CONFIG, 1_500_000, 5_000_000, 12_345);
        sim.run(20 * SECOND);
        long average = sim.averageEstimateOver(10 * SECOND);
        assertThat(average).isBetween(1_300_000L, 1_650_000L);
        assertThat(sim.estimator.overuseEvents()).isPositive();
        assertThat(sim.estimator.hasEstimate()).isTrue();
    }

    @Test
    void dropsWhenTheCapDrops() {
        ReceiveSideSimulation sim = new ReceiveSideSimulation(CONFIG, 2_500_000, 5_000_000, 0);
        sim.run(20 * SECOND);
        assertThat(sim.estimator.estimateBps()).isGreaterThan(1_800_000L);
        long overuses = sim.estimator.overuseEvents();
        sim.setCapacityBps(600_000);
        sim.run(3 * SECOND);
        assertThat(sim.estimator.estimateBps()).isLessThan(720_000L);
        assertThat(sim.estimator.overuseEvents()).isGreaterThan(overuses);
        long afterDrop = sim.averageEstimateOver(10 * SECOND);
        assertThat(afterDrop).isBetween(450_000L, 750_000L);
    }

    @Test
    void staysBoundedByTheIncomingRateWhenTheSenderIsApplicationLimited() {
        ReceiveSideSimulation sim = new ReceiveSideSimulation(CONFIG, 20_000_000, 400_000, 77);
        for (int i = 0; i < 200; i++) {
            sim.run(100 * MS);
            long incoming = sim.estimator.incomingBitrateBps();
            if (sim.estimator.hasEstimate()) {
                assertThat(sim.estimator.estimateBps()).as("at %d ms", i * 100)
                        .isLessThanOrEqualTo((long) (1.5 * incoming) + 10_000 + 1);
            }
        }
        assertThat(sim.estimator.incomingBitrateBps()).isBetween(300_000L, 500_000L);
        assertThat(sim.estimator.estimateBps()).isBetween(400_000L, 760_000L);
    }

    @Test
    void crossingTheSixtyFourSecondWrapChangesNothing() {
        long nearWrap = (1L << 24) - 3 * ReceiveSideEstimator.TICKS_PER_SECOND; // wraps after 3 s
        ReceiveSideSimulation wrapping = new ReceiveSideSimulation(CONFIG, 1_500_000, 5_000_000, nearWrap);
        ReceiveSideSimulation plain = new ReceiveSideSimulation(CONFIG, 1_500_000, 5_000_000, 4096);
        wrapping.run(10 * SECOND);
        plain.run(10 * SECOND);
        assertThat(wrapping.estimator.resets()).isZero();
        assertThat(wrapping.estimator.estimateBps()).isEqualTo(plain.estimator.estimateBps());
        assertThat(wrapping.estimator.overuseEvents()).isEqualTo(plain.estimator.overuseEvents());
    }

    @Test
    void sendTimeJumpsRestartTheGroupingButTheEstimateGoesOn() {
        ReceiveSideEstimator e = new ReceiveSideEstimator(CONFIG, 0);
        int ticks = 0;
        long now = 0;
        for (int i = 0; i < 3000; i++) {
            if (i == 1500) {
                ticks += 10 * ReceiveSideEstimator.TICKS_PER_SECOND; // the sender's clock jumps 10 s
            }
            ticks += ReceiveSideEstimator.TICKS_PER_SECOND / 200; // 5 ms
            now += 5 * MS;
            e.onPacket(ticks, now, 1000);
        }
        assertThat(e.resets()).isEqualTo(1);
        assertThat(e.hasEstimate()).isTrue();
        assertThat(e.estimateBps()).isBetween(CONFIG.minBitrateBps(), CONFIG.maxBitrateBps());
        assertThat(e.incomingBitrateBps()).isBetween(1_500_000L, 1_700_000L); // 1000 B per 5 ms
    }

    @Test
    void junkNeverThrowsNorYieldsNaN() {
        Random random = new Random(42);
        ReceiveSideEstimator e = new ReceiveSideEstimator(CONFIG, 0);
        long now = 0;
        for (int i = 0; i < 200_000; i++) {
            int mode = random.nextInt(10);
            int ticks = switch (mode) {
                case 0 -> random.nextInt();                      // anything, higher bits too
                case 1 -> 0xFFFFFF;                                // the top of the range
                default -> (int) ((now / MS) * 262 + random.nextInt(5_000) - 2_500) & 0xFFFFFF; // reordered
            };
            now += random.nextInt(4) == 0 ? -random.nextInt(2_000) * MS / 100 : random.nextInt(3_000_000);
            if (i % 50_000 == 0) {
                now += 20 * SECOND; // a silence
            }
            e.onPacket(ticks, now, random.nextInt(3) == 0 ? -random.nextInt(10_000) : random.nextInt(1_500));
            assertThat(e.estimateBps()).isBetween(CONFIG.minBitrateBps(), CONFIG.maxBitrateBps());
        }
        assertThat(e.packets()).isEqualTo(200_000);
        assertThat(e.resets()).isPositive();
        assertThat((double) e.estimateBps()).isFinite();
        assertThat(e.incomingBitrateBps()).isNotNegative();
    }

    @Test
    void noEstimateBeforeASecondOfArrivals() {
        ReceiveSideEstimator e = new ReceiveSideEstimator(CONFIG, 0);
        for (int i = 1; i <= 190; i++) {
            e.onPacket(i * 1311, i * 5 * MS, 1000); // 5 ms apart, 1.6 Mbit/s
        }
        assertThat(e.hasEstimate()).isFalse();
        for (int i = 191; i <= 230; i++) {
            e.onPacket(i * 1311, i * 5 * MS, 1000);
        }
        assertThat(e.hasEstimate()).isTrue();
        assertThat(e.estimateBps()).isBetween(1_500_000L, 1_800_000L);
    }

    @Test
    void absSendTimeTicksConvertToNanoseconds() {
        assertThat(ReceiveSideEstimator.ticksToNanos(ReceiveSideEstimator.TICKS_PER_SECOND)).isEqualTo(SECOND);
        assertThat(ReceiveSideEstimator.ticksToNanos(1)).isEqualTo(3814);
        assertThat(ReceiveSideEstimator.ticksToNanos(-ReceiveSideEstimator.TICKS_PER_SECOND)).isEqualTo(-SECOND);
        assertThat(ReceiveSideEstimator.ticksToNanos(Long.MAX_VALUE)).isPositive();
    }
}
