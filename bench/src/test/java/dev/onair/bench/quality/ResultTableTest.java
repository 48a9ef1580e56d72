package dev.onair.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown table and the JSON line of a result. */
class ResultTableTest {
    private static final QualityScenario CAP = QualityScenario.named("cap1m-simulcast", 60).orElseThrow();

    private static ScenarioResult result() {
        ScenarioMetrics m = new ScenarioMetrics(60.004, 5000, 250, 240, 120, 5.0, 0.2, 96.0, 2, 1.25, 480, 29.96,
                12.0, 812_400, 2.5, Double.NaN, 1280, 1280, 3.0, 480.0, 4.5, 2, 0, false, 2.0,
                List.of(1280, 640, 1280), List.of(new FrameGap(12_500, 480)));
        return new ScenarioResult(CAP, 7, true, m,
                new ServerReport("poor", "good", 4.123, 3.5, 87.6, 60.0, 3, 240, 6000, 300, 42.0),
                "q 320x180, h 640x360, f 1280x720", null);
    }

    @Test
    void headerAndRowHaveTheSameNumberOfColumnsAndRoundAsDocumented() {
        String header = ResultTable.header();
        String row = ResultTable.row(result());
        String columns = header.lines().findFirst().orElseThrow();
        assertThat(row.split("\\|", -1)).hasSameSizeAs(columns.split("\\|", -1));
        assertThat(header.lines().skip(1).findFirst().orElseThrow()).matches("(\\|---)+\\|");
        assertThat(row).isEqualTo("| cap1m-simulcast | 60 | 5.00 | 0.20 | 96.0 | 120 | 1.3 | 480 | 30.0 | 812 | 2.50"
                + " | – |"
                + " 4.12 | 88 | poor/good | 1280→1280 | 3.0 | 480 | 4.5 | 2 | no | 2.0 | 42 |");
    }

    @Test
    void aPlayerThatDidNotPlayBeforeTheRunIsMarked() {
        ScenarioResult r = result();
        ScenarioResult notPlayed = new ScenarioResult(r.scenario(), r.seed(), false, r.metrics(), r.server(),
                r.publisherLayers(), null);
        assertThat(ResultTable.row(notPlayed)).startsWith("| cap1m-simulcast (did not play before the run) | 60 |");
        assertThat(ResultJson.line(notPlayed)).contains("\"playedBeforeRun\":false");
    }

    @Test
    void aFailedRunIsOneRowWithItsReasonAndNoPipeInside() {
        String row = ResultTable.row(ScenarioResult.failed(CAP, 7, "publish: HTTP 400 a|b"));
        assertThat(row).isEqualTo("| cap1m-simulcast | failed: publish: HTTP 400 a/b |");
    }

    @Test
    void unknownValuesPrintAsADash() {
        assertThat(ResultTable.fixed(null, 1)).isEqualTo("–");
        assertThat(ResultTable.fixed(Double.NaN, 1)).isEqualTo("–");
        assertThat(ResultTable.fixed(2.25, 1)).isEqualTo("2.3");
        assertThat(ResultTable.fixed(1280.4, 0)).isEqualTo("1280");
    }

    @Test
    void theJsonLineIsValidJsonWithNullForNaN() throws Exception {
        JsonNode j = new ObjectMapper().readTree(ResultJson.line(result()));
        assertThat(j.path("scenario").asText()).isEqualTo("cap1m-simulcast");
        assertThat(j.path("seed").asLong()).isEqualTo(7);
        assertThat(j.path("simulcast").asBoolean()).isTrue();
        assertThat(j.path("player").path("lossAfterRecoveryPercent").asDouble()).isEqualTo(0.2);
        assertThat(j.path("player").get("audioConcealmentPercent").isNull()).isTrue();
        assertThat(j.path("player").path("audioLossPercent").asDouble()).isEqualTo(2.5);
        assertThat(j.path("player").path("widthTimeline")).hasSize(3);
        assertThat(j.path("server").path("worstTier").asText()).isEqualTo("poor");
        assertThat(j.path("server").path("endTier").asText()).isEqualTo("good");
        assertThat(j.path("server").path("minVideoScore").asDouble()).isEqualTo(60.0);
        assertThat(j.path("server").path("queueingDelayMillis").asDouble()).isEqualTo(42.0);
        assertThat(j.path("server").path("shaperRtpDropped").asLong()).isEqualTo(300);
        assertThat(j.path("impairment").asText()).contains("rateKbps: 1000");
    }
}
