package dev.onair.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 5's targets against measured runs, and their spread over repeated runs. */
class TargetCheckTest {

    static ScenarioResult run(String scenario, double freezePercent, double recoveredPercent, Double layerDownSeconds,
                              Double freezeAfterDownMillis, Double topBackSeconds, boolean paused,
                              Double resumedSeconds, Double queueMillis) {
        ScenarioMetrics m = new ScenarioMetrics(60, 5000, 250, 250, 120, 5.0, 0.1, recoveredPercent, 2,
                freezePercent, 480, 20, 12.0, 800_000, 2.5, 0.4, 1280, 1280, layerDownSeconds, freezeAfterDownMillis,
                topBackSeconds, 2, 0, paused, resumedSeconds, List.of(1280), List.of());
        return new ScenarioResult(QualityScenario.named(scenario, 60).orElseThrow(), 7, true, m,
                new ServerReport("good", "good", 4.1, 4.0, 90.0, 80.0, 0, 250, 6000, 300, queueMillis), "", null);
    }

    @Test
    void lossTargetsAreMetOrNotAsTheIssueWordsThem() {
        List<TargetCheck> ok = TargetCheck.of(run("loss5-rtt80", 0.8, 97, null, null, null, false, null, 20.0));
        assertThat(ok).extracting(TargetCheck::target).containsExactly("recovered ≥ 95 %", "NACKs > 0",
                "loss after recovery ≤ 0.25 %", "freeze ≤ 1 %", "audio concealed ≤ 2 %");
        assertThat(ok).allMatch(TargetCheck::met);
        List<TargetCheck> frozen = TargetCheck.of(run("loss5-rtt80", 1.7, 94, null, null, null, false, null, 20.0));
        assertThat(frozen.get(0).met()).isFalse();
        assertThat(frozen.get(3).measured()).isEqualTo("1.7 %");
        assertThat(frozen.get(3).met()).isFalse();
        assertThat(frozen.get(3).row()).isEqualTo("| loss5-rtt80 | freeze ≤ 1 % | 1.7 % | **not met** |");
    }

    @Test
    void aCapThatNeverChangedTheLayerMissesItsTargets() {
        List<TargetCheck> good = TargetCheck.of(run("cap1m-simulcast", 0, Double.NaN, 2.0, 300.0, 4.0, false, 1.0,
                120.0));
        assertThat(good).hasSize(4).allMatch(TargetCheck::met);
        List<TargetCheck> none = TargetCheck.of(run("cap1m-simulcast", 0, Double.NaN, null, null, null, false, 1.0,
                250.0));
        assertThat(none).noneMatch(TargetCheck::met);
        assertThat(none.get(0).measured()).isEqualTo(ResultTable.DASH);
        assertThat(none.get(2).target()).isEqualTo("server queueing delay < 200 ms");
    }

    @Test
    void theAudioCapWantsVideoPausedAndResumed() {
        assertThat(TargetCheck.of(run("cap250k-audio", 50, 80, null, null, null, true, 7.0, 40.0)))
                .allMatch(TargetCheck::met);
        List<TargetCheck> never = TargetCheck.of(run("cap250k-audio", 0, 80, null, null, null, false, null, 40.0));
        assertThat(never.get(0).met()).isFalse();
        assertThat(never.get(2).measured()).isEqualTo("no");
        assertThat(never.get(2).met()).isFalse();
        assertThat(TargetCheck.of(ScenarioResult.failed(QualityScenario.named("baseline", 60).orElseThrow(), 7,
                "boom"))).isEmpty();
    }

    @Test
    void repeatedRunsGiveTheMedianAndRangeOfTheFreezesAndHowOftenEachTargetWasMet() {
        List<ScenarioResult> runs = List.of(
                run("loss5-rtt80", 1.7, 100, null, null, null, false, null, 20.0),
                run("baseline", 0.1, Double.NaN, null, null, null, false, null, 10.0),
                run("loss5-rtt80", 0.4, 100, null, null, null, false, null, 20.0),
                ScenarioResult.failed(QualityScenario.named("loss5-rtt80", 60).orElseThrow(), 7, "boom"),
                run("loss5-rtt80", 0.9, 100, null, null, null, false, null, 20.0));
        List<RunSpread> spread = RunSpread.of(runs);
        assertThat(spread).extracting(RunSpread::scenario).containsExactly("loss5-rtt80", "baseline");
        RunSpread loss = spread.get(0);
        assertThat(loss.runs()).isEqualTo(3);
        assertThat(loss.failed()).isEqualTo(1);
        assertThat(loss.freezePercent()).isEqualTo(new RunSpread.Spread(0.9, 0.4, 1.7));
        assertThat(loss.targetsMet()).containsEntry("freeze ≤ 1 %", "2/3").containsEntry("recovered ≥ 95 %", "3/3");
        assertThat(loss.row()).startsWith("| loss5-rtt80 | 3 (+1 failed) | 0.9 (0.4–1.7) | 480 |");
        assertThat(RunSpread.Spread.of(List.of(1.0, 3.0)).median()).isEqualTo(2.0);
        assertThat(RunSpread.Spread.of(List.of()).median()).isNaN();
    }
}
