package dev.onair.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.parse.ScenarioParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The scenarios parse as network-lab scenarios, and the command line picks them. */
class QualityScenarioTest {

    @Test
    void everyImpairmentParsesWithTheLabsOwnParser() {
        for (String name : QualityScenario.NAMES) {
            QualityScenario s = QualityScenario.named(name, 60).orElseThrow();
            if (s.scenarioYaml() != null) {
                var parsed = ScenarioParser.parse(s.scenarioYaml());
                assertThat(parsed.error()).as(name).isNull();
            }
        }
        assertThat(QualityScenario.named("baseline", 60).orElseThrow().scenarioYaml()).isNull();
        assertThat(QualityScenario.named("nope", 60)).isEmpty();
    }

    @Test
    void theCapHoldsForTheFirstHalfOfTheRunOnly() {
        QualityScenario s = QualityScenario.named("cap1m-simulcast", 60).orElseThrow();
        assertThat(s.capSeconds()).isEqualTo(30);
        assertThat(s.simulcast()).isTrue();
        var scenario = ScenarioParser.parse(s.scenarioYaml()).value();
        // 1 Mbit/s: 100 datagrams of 1,250 bytes offered within 1 ms overflow the 100 ms queue (12,500 bytes) ...
        Impairment capped = Impairment.create(scenario, 7, 0);
        int dropped = 0;
        for (int i = 0; i < 100; i++) {
            dropped += capped.decide(1_000_000L + i * 10_000L, 1250).dropped() ? 1 : 0;
        }
        assertThat(dropped).as("dropped while capped").isPositive();
        // ... and nothing is dropped after the cap is lifted at 30 s.
        Impairment lifted = Impairment.create(scenario, 7, 0);
        int droppedAfter = 0;
        for (int i = 0; i < 100; i++) {
            droppedAfter += lifted.decide(31_000_000_000L + i * 10_000L, 1250).dropped() ? 1 : 0;
        }
        assertThat(droppedAfter).isZero();
        assertThat(QualityScenario.named("cap250k-audio", 24).orElseThrow().capSeconds()).isEqualTo(12);
    }

    @Test
    void argumentsPickScenariosInOrderAndRejectNonsense() {
        QualityArgs all = QualityArgs.parse();
        assertThat(all.error()).isNull();
        assertThat(all.scenarios()).extracting(QualityScenario::name).containsExactlyElementsOf(QualityScenario.NAMES);
        assertThat(all.seconds()).isEqualTo(60);
        assertThat(all.seed()).isEqualTo(7);

        QualityArgs two = QualityArgs.parse("--scenario", "cap250k-audio", "--scenario", "baseline", "--seconds", "24",
                "--seed", "3", "--results", "/tmp/x.jsonl", "--verbose");
        assertThat(two.error()).isNull();
        assertThat(two.scenarios()).extracting(QualityScenario::name).containsExactly("cap250k-audio", "baseline");
        assertThat(two.scenarios().get(0).capSeconds()).isEqualTo(12);
        assertThat(two.seed()).isEqualTo(3);
        assertThat(two.results()).isEqualTo(Path.of("/tmp/x.jsonl"));
        assertThat(two.verbose()).isTrue();

        assertThat(QualityArgs.parse("--scenario", "nope").error()).contains("unknown 'nope'");
        assertThat(QualityArgs.parse("--seconds", "x").error()).contains("not a whole number");
        assertThat(QualityArgs.parse("--seconds", "5").error()).contains("at least 10");
        assertThat(QualityArgs.parse("--seed").error()).contains("incomplete");
        assertThat(QualityArgs.parse("--frobnicate", "1").error()).contains("unknown");
        assertThat(all.repeat()).isEqualTo(1);
        assertThat(QualityArgs.parse("--repeat", "3").repeat()).isEqualTo(3);
        assertThat(QualityArgs.parse("--repeat", "0").error()).contains("--repeat");
        assertThat(QualityArgs.parse("--repeat", "x").error()).contains("not a whole number");
        QualityArgs extra = QualityArgs.parse("--scenario", "uncapped-simulcast");
        assertThat(extra.error()).isNull();
        assertThat(extra.scenarios().get(0).y4mCamera()).isTrue();
        assertThat(extra.scenarios().get(0).scenarioYaml()).isNull();
        assertThat(QualityScenario.named("cap1m-simulcast", 60).orElseThrow().y4mCamera()).isTrue();
        assertThat(QualityScenario.named("loss5-rtt80", 60).orElseThrow().y4mCamera()).isFalse();
        assertThat(QualityScenario.named("loss5-rtt80", 60).orElseThrow().fromJoin()).as("a steady lossy link").isTrue();
        assertThat(QualityScenario.named("cap1m-simulcast", 60).orElseThrow().fromJoin()).as("a cap is a change")
                .isFalse();
    }
}
