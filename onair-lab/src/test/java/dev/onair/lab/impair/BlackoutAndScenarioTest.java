package dev.onair.lab.impair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BlackoutAndScenarioTest {
    private static final long MS = 1_000_000;

    @Test
    void blackoutDropsExactlyItsWindow() {
        long origin = 5_000 * MS;
        Scenario scenario = new Scenario("b", ImpairmentProfile.builder().delayMillis(1).build(),
                List.of(ScenarioStep.blackout(1_000, 500)), 0, OptionalLong.empty());
        Impairment impairment = Impairment.create(scenario, 1, origin);
        for (long t = 0; t < 3_000 * MS; t += 100_000) { // every 0.1 ms
            Verdict v = impairment.decide(origin + t, 100);
            boolean inside = t >= 1_000 * MS && t < 1_500 * MS;
            assertThat(v.dropped()).as("t=%d ns", t).isEqualTo(inside);
            if (inside) {
                assertThat(v.dropReason()).isEqualTo(DropReason.BLACKOUT);
            }
        }
        assertThat(impairment.drops(DropReason.BLACKOUT)).isEqualTo(5_000);
    }

    @Test
    void stepsApplyAtTheirTimesAndRevertAfterTheirDuration() {
        // reordering allowed, so a delay that falls is seen at once (in order, the 300 ms datagrams hold it back)
        Scenario scenario = new Scenario("steps",
                ImpairmentProfile.builder().delayMillis(10).reorderAllowed(true).build(), List.of(
                new ScenarioStep(1_000, 2_000, ProfileOverrides.builder().delayMillis(100).overrides()),
                new ScenarioStep(2_000, 500, ProfileOverrides.builder().delayMillis(300).overrides()),
                new ScenarioStep(4_000, ScenarioStep.UNTIL_END,
                        ProfileOverrides.builder().loss(new LossSpec.Bernoulli(1)).overrides())),
                0, OptionalLong.empty());
        Impairment impairment = Impairment.create(scenario, 1, 0);
        assertThat(delayAt(impairment, 999)).isEqualTo(10);
        assertThat(delayAt(impairment, 1_000)).isEqualTo(100);
        assertThat(delayAt(impairment, 1_999)).isEqualTo(100);
        assertThat(delayAt(impairment, 2_000)).isEqualTo(300); // the later step wins where they overlap
        assertThat(delayAt(impairment, 2_499)).isEqualTo(300);
        assertThat(delayAt(impairment, 2_500)).isEqualTo(100);
        assertThat(delayAt(impairment, 3_000)).isEqualTo(10);
        assertThat(impairment.decide(3_999 * MS, 100).dropped()).isFalse();
        for (long t = 4_000; t < 60_000; t += 1_000) {
            assertThat(impairment.decide(t * MS, 100).dropReason()).isEqualTo(DropReason.LOSS);
        }
    }

    @Test
    void loopingScenarioRepeats() {
        Scenario scenario = new Scenario("loop", ImpairmentProfile.NONE,
                List.of(ScenarioStep.blackout(100, 50)), 1_000, OptionalLong.empty());
        Impairment impairment = Impairment.create(scenario, 1, 0);
        for (int loop = 0; loop < 5; loop++) {
            long base = loop * 1_000L;
            assertThat(impairment.decide((base + 99) * MS, 10).dropped()).isFalse();
            assertThat(impairment.decide((base + 100) * MS, 10).dropped()).isTrue();
            assertThat(impairment.decide((base + 149) * MS, 10).dropped()).isTrue();
            assertThat(impairment.decide((base + 150) * MS, 10).dropped()).isFalse();
        }
    }

    @Test
    void timeGoingBackwardsIsTreatedAsTheLatestTime() {
        Scenario scenario = new Scenario("b", ImpairmentProfile.NONE, List.of(ScenarioStep.blackout(0, 10)),
                0, OptionalLong.empty());
        Impairment impairment = Impairment.create(scenario, 1, 0);
        assertThat(impairment.decide(20 * MS, 10).dropped()).isFalse();
        Verdict v = impairment.decide(5 * MS, 10);
        assertThat(v.dropped()).isFalse();
        assertThat(v.deliverAtNanos()).isEqualTo(20 * MS);
    }

    private static long delayAt(Impairment impairment, long millis) {
        return (impairment.decide(millis * MS, 100).deliverAtNanos() - millis * MS) / MS;
    }
}
