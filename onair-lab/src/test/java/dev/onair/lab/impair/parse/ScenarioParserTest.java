package dev.onair.lab.impair.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.lab.impair.DropReason;
import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.ImpairmentProfile;
import dev.onair.lab.impair.JitterDistribution;
import dev.onair.lab.impair.LossSpec;
import dev.onair.lab.impair.MahimahiTrace;
import dev.onair.lab.impair.QueueLimit;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.ScenarioStep;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    private static final long MS = 1_000_000;

    private static final String COMMUTE = """
            name: commute
            seed: 42
            base: lte-good
            loop: 1m
            steps:
              - at: 10s
                for: 5s
                set: { rateKbps: 800, queueMillis: 300, gilbertElliott: { p: 0.01, r: 0.25, k: 1, h: 0 } }
              - at: 20s
                for: 1500ms
                set: { blackout: true }
              - at: 30000
                set:
                  delayMillis: 120
                  jitterMillis: 30
                  jitterDistribution: uniform
                  reorder: true
                  duplicateProbability: 0.01
                  lossProbability: 0.02
                  queueBytes: 64000
                  rateBps: 2000000
            """;

    @Test
    void parsesAFullScenario() {
        ParseResult<Scenario> result = ScenarioParser.parse(COMMUTE);
        assertThat(result.error()).isNull();
        Scenario s = result.value();
        assertThat(s.name()).isEqualTo("commute");
        assertThat(s.seed()).hasValue(42);
        assertThat(s.loopMillis()).isEqualTo(60_000);
        assertThat(s.base().rateBps()).isEqualTo(12_000_000);
        assertThat(s.steps()).hasSize(3);
        assertThat(s.steps().get(1)).isEqualTo(ScenarioStep.blackout(20_000, 1_500));
        assertThat(s.steps().get(2).forMillis()).isEqualTo(ScenarioStep.UNTIL_END);

        ImpairmentProfile congested = s.profileAt(12_000);
        assertThat(congested.rateBps()).isEqualTo(800_000);
        assertThat(congested.queueLimit()).isEqualTo(QueueLimit.millis(300));
        assertThat(congested.loss()).isEqualTo(new LossSpec.GilbertElliott(0.01, 0.25, 1, 0));
        assertThat(congested.delayMillis()).isEqualTo(30); // from the base preset

        assertThat(s.profileAt(21_000).blackout()).isTrue();
        ImpairmentProfile late = s.profileAt(45_000);
        assertThat(late.delayMillis()).isEqualTo(120);
        assertThat(late.jitterDistribution()).isEqualTo(JitterDistribution.UNIFORM);
        assertThat(late.reorderAllowed()).isTrue();
        assertThat(late.duplicateProbability()).isEqualTo(0.01);
        assertThat(late.loss()).isEqualTo(new LossSpec.Bernoulli(0.02));
        assertThat(late.queueLimit()).isEqualTo(QueueLimit.bytes(64_000));
        assertThat(s.profileAt(61_000)).isEqualTo(s.base()); // looped
    }

    @Test
    void parsedStepsApplyAtTheirTimesInTheEngine() {
        Scenario s = ScenarioParser.parse("""
                - at: 100ms
                  for: 100ms
                  set: { blackout: true }
                - at: 0.3s
                  set: { lossProbability: 1 }
                """).value();
        Impairment impairment = Impairment.create(s, 1, 0);
        assertThat(impairment.decide(99 * MS, 10).dropped()).isFalse();
        assertThat(impairment.decide(100 * MS, 10).dropReason()).isEqualTo(DropReason.BLACKOUT);
        assertThat(impairment.decide(200 * MS, 10).dropped()).isFalse();
        assertThat(impairment.decide(300 * MS, 10).dropReason()).isEqualTo(DropReason.LOSS);
    }

    @Test
    void traceNamesGoThroughTheResolver() {
        MahimahiTrace trace = MahimahiTrace.of("lte.trace", new long[] {1, 2});
        ParseResult<Scenario> ok = ScenarioParser.parse("- { at: 0, set: { trace: lte.trace, queueMillis: 50 } }",
                name -> name.equals("lte.trace") ? ParseResult.ok(trace) : ParseResult.error("nope"));
        assertThat(ok.value().profileAt(0).trace()).isSameAs(trace);
        assertThat(ScenarioParser.parse("- { at: 0, set: { trace: x } }").error())
                .isEqualTo("scenario: steps[0].set.trace: no trace named 'x' is available");
    }

    @Test
    void badFilesGiveOneLineErrors() {
        assertError("", "scenario: empty file (expected a list of steps or a mapping with 'steps')");
        assertError("steps: [ { at: 1", "scenario: YAML syntax error at line");
        assertError("42", "scenario: expected a list of steps or a mapping with 'steps', got 42");
        assertError("stpes: []", "scenario: stpes: unknown key (known: base, loop, name, seed, steps)");
        assertError("- { at: 1s }", "scenario: steps[0]: missing 'set'");
        assertError("- { set: {} }", "scenario: steps[0]: missing 'at'");
        assertError("- { at: soon, set: {} }", "scenario: steps[0].at: expected a duration");
        assertError("- { at: 1.5ms, set: {} }", "scenario: steps[0].at: durations are whole milliseconds");
        assertError("- { at: 0, for: 0, set: {} }", "scenario: steps[0].for: must be > 0");
        assertError("- { at: 0, set: { delayMillis: abc } }",
                "scenario: steps[0].set.delayMillis: expected a number, got \"abc\"");
        assertError("- { at: 0, set: { delayMillis: -3 } }",
                "scenario: steps[0].set.delayMillis: expected a number >= 0, got -3.0");
        assertError("- { at: 0, set: { lossProbability: 1.5 } }",
                "scenario: steps[0].set.lossProbability: expected a probability in [0, 1], got 1.5");
        assertError("- { at: 0, set: { delay: 5 } }", "scenario: steps[0].set.delay: unknown key (known: ");
        assertError("- { at: 0, set: { gilbertElliott: { p: 0.1, r: 0.2, k: 1 } } }",
                "scenario: steps[0].set.gilbertElliott: missing 'h'");
        assertError("- { at: 0, set: { rateBps: 1000, rateKbps: 1 } }",
                "scenario: steps[0].set: set only one of rateBps, rateKbps and trace");
        assertError("- { at: 0, set: { queueBytes: 0 } }",
                "scenario: steps[0].set.queueBytes: expected an integer >= 1, got 0");
        assertError("- { at: 0, set: { reorder: maybe } }", "scenario: steps[0].set.reorder: expected true or false");
        assertError("- { at: 0, set: { jitterDistribution: pareto } }",
                "scenario: steps[0].set.jitterDistribution: expected normal or uniform");
        assertError("base: lte-bad", "scenario: base: unknown preset 'lte-bad' (known: lte-good,");
        assertError("loop: 0", "scenario: loop: must be > 0");
        assertError("seed: 1.5", "scenario: seed: expected an integer");
        assertError("- {at: 9223372036854775807, for: 1, set: {}}", "scenario: steps[0].at: longer than 30 days");
    }

    @Test
    void garbageNeverThrows() {
        String[] inputs = {"\u0000", "[", "{", "- - -", "!!binary x", "&a [*a]", "a: !!float x", ": :", "- at: []\n  set: 1",
            "- {at: 99999999999999999999999, set: {}}", "- {at: 9223372036854775807, for: 9223372036854775807, set: {}}"};
        for (String input : inputs) {
            ParseResult<Scenario> result = ScenarioParser.parse(input);
            if (result.isOk()) {
                Impairment.create(result.value(), 1, 0).decide(0, 100);
            } else {
                assertThat(result.error()).as(input).startsWith("scenario: ").doesNotContain("\n");
            }
        }
    }

    private static void assertError(String yaml, String expectedPrefix) {
        ParseResult<Scenario> result = ScenarioParser.parse(yaml);
        assertThat(result.isOk()).as(yaml).isFalse();
        assertThat(result.error()).as(yaml).startsWith(expectedPrefix).doesNotContain("\n");
    }
}
