package dev.onair.bench.quality;

/**
 * One scenario's run: the scenario, the seed of its impairment, whether the player played (decoded 30 frames) before
 * the run started, the player's metrics, the server's report and the publisher's encodings as its browser reported
 * them at the end (e.g. {@code q 320x180, h 640x360, f 1280x720}). A run that failed has {@code error} set and null
 * metrics.
 */
public record ScenarioResult(QualityScenario scenario, long seed, boolean playedBeforeRun, ScenarioMetrics metrics,
                             ServerReport server, String publisherLayers, String error) {

    public static ScenarioResult failed(QualityScenario scenario, long seed, String error) {
        return new ScenarioResult(scenario, seed, false, null, ServerReport.UNKNOWN, "", error);
    }

    public boolean ok() {
        return error == null;
    }
}
