package dev.onair.sfu.bwe;

import static dev.onair.sfu.bwe.VideoSenderSimulation.MS;
import static dev.onair.sfu.bwe.VideoSenderSimulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The estimator against a simulated bottleneck (manual time, seeded loss): 40 ms one way, a 300 ms drop-tail
 * queue, feedback every 50 ms, a 30 fps video source sending min(estimate, offered).
 */
class SendSideEstimatorSimulationTest {
    private static final BweConfig CONFIG = BweConfig.defaults();

    private static VideoSenderSimulation simulation(long capacityBps, long offeredBps, boolean probing, long seed) {
        SimulatedLink link = new SimulatedLink(capacityBps, 40 * MS, 300 * MS, 50 * MS, seed);
        return new VideoSenderSimulation(link, CONFIG, offeredBps, probing);
    }

    @Test
    void convergesToAOneMegabitCapWithinTenPercent() {
        VideoSenderSimulation sim = simulation(1_000_000, 5_000_000, true, 1);
        sim.run(20 * SECOND);
        long average = sim.averageEstimateOver(10 * SECOND);
        assertThat(average).isBetween(900_000L, 1_100_000L);
        assertThat(sim.estimator.overuseEvents()).isPositive();
        assertThat(sim.link.maxQueueDelayNanos()).isLessThan(200 * MS);
    }

    @Test
    void convergesWithALongRttAndFeedbackEveryHundredMilliseconds() {
        SimulatedLink link = new SimulatedLink(2_500_000, 100 * MS, 300 * MS, 100 * MS, 8);
        VideoSenderSimulation sim = new VideoSenderSimulation(link, CONFIG, 10_000_000, true);
        sim.run(20 * SECOND);
        long average = sim.averageEstimateOver(10 * SECOND);
        assertThat(average).isBetween(2_250_000L, 2_750_000L);
    }

    @Test
    void convergesToATwoAndAHalfMegabitCapWithinTenPercent() {
        VideoSenderSimulation sim = simulation(2_500_000, 5_000_000, true, 2);
        sim.run(20 * SECOND);
        long average = sim.averageEstimateOver(10 * SECOND);
        assertThat(average).isBetween(2_250_000L, 2_750_000L);
    }

    @Test
    void backsOffWhenTheCapDropsAndTheQueueGrows() {
        VideoSenderSimulation sim = simulation(2_000_000, 5_000_000, true, 3);
        sim.run(20 * SECOND);
        assertThat(sim.estimator.estimateBps()).isGreaterThan(1_500_000L);
        sim.clearOveruseSeen();
        sim.link.setCapacityBps(500_000);
        sim.run(3 * SECOND);
        assertThat(sim.estimator.estimateBps()).isLessThan(600_000L);
        assertThat(sim.overuseSeen()).isTrue();
        long afterDrop = sim.averageEstimateOver(10 * SECOND);
        assertThat(afterDrop).isBetween(400_000L, 600_000L);
    }

    @Test
    void aLayerThatFitsACappedLinkIsNotUndoneByTheProbesForTheNextOne() {
        // The quality bench's cap1m-simulcast: 640x360 + audio (~560 kbit/s) on a 1 Mbit/s link with the lab's 100 ms
        // queue, while the 2.5 Mbit/s layer is wanted, so probes keep testing the link.
        SimulatedLink link = new SimulatedLink(1_000_000, 10 * MS, 100 * MS, 60 * MS, 9);
        VideoSenderSimulation sim = new VideoSenderSimulation(link, CONFIG, 560_000, true);
        sim.setWantedBps(2_800_000);
        sim.run(10 * SECOND);
        int below = 0;
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 600; i++) {
            sim.run(50 * MS);
            long e = sim.estimator.estimateBps();
            lowest = Math.min(lowest, e);
            below += e < 476_000 ? 1 : 0; // under 0.85 x 560k the allocator leaves the layer
        }
        assertThat(sim.estimator.probesRequested()).as("the link was probed").isGreaterThan(2);
        assertThat(below).as("estimate samples under 476k (lowest %d)", lowest).isZero();
    }

    @Test
    void doesNotGrowWithoutBoundOnAnApplicationLimitedLink() {
        VideoSenderSimulation sim = simulation(10_000_000, 200_000, false, 4);
        long highest = 0;
        for (int s = 0; s < 60; s++) {
            sim.run(SECOND);
            highest = Math.max(highest, sim.estimator.estimateBps());
        }
        long acked = sim.estimator.ackedBitrateBps();
        assertThat(acked).isBetween(180_000L, 240_000L);
        assertThat(highest).isLessThanOrEqualTo(2 * acked);
    }

    @Test
    void fifteenPercentRandomLossPullsTheEstimateDown() {
        VideoSenderSimulation lossy = simulation(2_000_000, 5_000_000, true, 5);
        VideoSenderSimulation clean = simulation(2_000_000, 5_000_000, true, 5);
        lossy.link.setLossFraction(0.15);
        lossy.run(20 * SECOND);
        clean.run(20 * SECOND);
        assertThat(lossy.estimator.estimateBps()).isLessThan(500_000L);
        assertThat(clean.estimator.estimateBps()).isGreaterThan(1_500_000L);
        assertThat(lossy.link.randomDrops()).isPositive();
    }

    @Test
    void onePercentRandomLossDoesNotPullTheEstimateDown() {
        VideoSenderSimulation sim = simulation(2_000_000, 5_000_000, true, 6);
        sim.link.setLossFraction(0.01);
        sim.run(20 * SECOND);
        long average = sim.averageEstimateOver(10 * SECOND);
        assertThat(average).isGreaterThan(1_700_000L);
        assertThat(sim.link.randomDrops()).isPositive();
    }

    @Test
    void probingLiftsALowEstimateQuicklyWhereRampingAloneWouldNot() {
        VideoSenderSimulation probing = simulation(5_000_000, 5_000_000, true, 7);
        VideoSenderSimulation plain = simulation(5_000_000, 5_000_000, false, 7);
        probing.run(2 * SECOND);
        plain.run(2 * SECOND);
        assertThat(probing.estimator.estimateBps()).isGreaterThanOrEqualTo(3_000_000L);
        assertThat(probing.estimator.lastProbeBps()).isGreaterThan(1_000_000L);
        assertThat(probing.estimator.probesRequested()).isPositive();
        assertThat(plain.estimator.estimateBps()).isLessThan(1_000_000L);
    }
}
