package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AimdRateControlTest {
    private static final long MS = 1_000_000L;
    private static final BweConfig CONFIG = new BweConfig(1_000_000, 30_000, 20_000_000);

    @Test
    void overuseDecreasesToEightyFivePercentOfTheAckedRate() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        long bps = aimd.update(DelaySignal.OVERUSING, 900_000, 500 * MS);
        assertThat(bps).isEqualTo(765_000);
        assertThat(aimd.decreasedLast()).isTrue();
        assertThat(aimd.linkCapacityBps()).isEqualTo(900_000);
        assertThat(aimd.state()).isEqualTo(AimdRateControl.State.HOLD);
    }

    @Test
    void oneOveruseAtMostHalvesTheRateWhateverTheAckedRateSays() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        aimd.setRttMillis(100);
        // A latency step leaves the 250 ms acked window nearly empty: 0.85 x 40 kbit/s would be 34 kbit/s.
        assertThat(aimd.update(DelaySignal.OVERUSING, 40_000, 500 * MS)).isEqualTo(500_000);
        assertThat(aimd.update(DelaySignal.OVERUSING, 40_000, 600 * MS)).as("one round trip later").isEqualTo(250_000);
    }

    @Test
    void aSecondOveruseWithinOneRttDoesNotDecreaseAgain() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        aimd.setRttMillis(100);
        aimd.update(DelaySignal.OVERUSING, 900_000, 500 * MS);
        assertThat(aimd.update(DelaySignal.OVERUSING, 800_000, 550 * MS)).isEqualTo(765_000);
        assertThat(aimd.update(DelaySignal.OVERUSING, 800_000, 650 * MS)).isEqualTo(680_000);
    }

    @Test
    void farFromCongestionTheIncreaseIsEightPercentPerSecond() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        aimd.update(DelaySignal.NORMAL, 1_000_000, 0);
        long bps = aimd.update(DelaySignal.NORMAL, 1_000_000, 1000 * MS);
        assertThat(bps).isBetween(1_079_000L, 1_082_000L);
    }

    @Test
    void nearTheLastCongestionPointTheIncreaseIsAboutOnePacketPerResponseTime() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        aimd.setRttMillis(100);
        long after = aimd.update(DelaySignal.OVERUSING, 1_000_000, 500 * MS);
        aimd.update(DelaySignal.NORMAL, 1_000_000, 600 * MS);
        long bps = aimd.update(DelaySignal.NORMAL, 1_000_000, 1600 * MS);
        // 850 kbit/s: 3 541 bytes a frame in 3 packets of 1 180 bytes, 9 444 bits per 200 ms = ~47 kbit/s
        assertThat(bps - after).isBetween(40_000L, 55_000L);
    }

    @Test
    void theIncreaseStopsAtOneAndAHalfTimesTheAckedRate() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        long bps = 0;
        for (int i = 0; i <= 600; i++) {
            bps = aimd.update(DelaySignal.NORMAL, 200_000, i * 100 * MS);
        }
        assertThat(bps).isEqualTo(1_000_000); // already above 1.5 × 200k + 10k: no increase at all
        AimdRateControl low = new AimdRateControl(new BweConfig(100_000, 30_000, 20_000_000), 0);
        for (int i = 0; i <= 600; i++) {
            bps = low.update(DelaySignal.NORMAL, 200_000, i * 100 * MS);
        }
        assertThat(bps).isEqualTo(310_000);
    }

    @Test
    void underuseHoldsTheRate() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        aimd.update(DelaySignal.UNDERUSING, 2_000_000, 0);
        assertThat(aimd.update(DelaySignal.UNDERUSING, 2_000_000, 2000 * MS)).isEqualTo(1_000_000);
        assertThat(aimd.state()).isEqualTo(AimdRateControl.State.HOLD);
    }

    @Test
    void withoutAnAckedRateOveruseHalvesAndNormalDoesNotIncrease() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        assertThat(aimd.update(DelaySignal.NORMAL, 0, 1000 * MS)).isEqualTo(1_000_000);
        assertThat(aimd.update(DelaySignal.OVERUSING, 0, 2000 * MS)).isEqualTo(500_000);
    }

    @Test
    void neverLeavesTheConfiguredRange() {
        AimdRateControl aimd = new AimdRateControl(CONFIG, 0);
        for (int i = 1; i < 100; i++) {
            aimd.update(DelaySignal.OVERUSING, 10_000, i * 300 * MS);
        }
        assertThat(aimd.estimateBps()).isEqualTo(30_000);
        aimd.setEstimate(Long.MAX_VALUE / 4, 0);
        assertThat(aimd.estimateBps()).isEqualTo(20_000_000);
    }
}
