package dev.onair.bench.quality;

import dev.onair.bench.join.Chromium;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One scenario, once: a fresh room, a publisher Chromium (WHIP, fake camera 1280x720, simulcast when the scenario
 * asks) and a player Chromium (WHEP into a {@code <video>}). Once the player plays (and has reached the full width,
 * or 30 s have passed) the scenario's impairment goes on the player's downlink (or already when the player joined, for
 * a scenario {@link QualityScenario#fromJoin()}), and the player samples its
 * getStats() once a second for the run. All waiting is done in the page ({@code bench.sleep}), so the times are
 * the browser's.
 */
final class QualityRun {
    static final String PAGE = "/bench/quality.html";
    static final String PLAYER = "player";
    static final String PUBLISHER = "publisher";
    /** The publisher's capture width: the player's full width. */
    static final int FULL_WIDTH = 1280;
    private static final int POLL_MILLIS = 500;
    private static final int PLAYING_POLLS = 40;
    private static final int FULL_WIDTH_POLLS = 60;
    private static final int WAIT_STEP_MILLIS = 10_000;
    private static final int STEADY_POLLS = 40;
    private static final int STEADY_SECONDS = 3;
    private static final long STEADY_VIDEO_BPS = 1_500_000;
    /** Where the Y4M camera file is written (and reused). */
    static final java.nio.file.Path CAMERA_DIR = java.nio.file.Path.of("bench", "target");

    private final String base;
    private final AdminApi admin;

    QualityRun(String base, AdminApi admin) {
        this.base = base;
        this.admin = admin;
    }

    /**
     * Runs {@code scenario} once; its session report is saved as {@code bench/target/quality-report-<scenario>.json},
     * or {@code ...-<scenario>-<run>.json} when {@code run} (1-based) is positive (repeated runs).
     */
    ScenarioResult run(QualityScenario scenario, int seconds, long seed, int run) {
        String room = "quality-" + scenario.name();
        try (Chromium publisher = scenario.y4mCamera() ? new Chromium("--use-file-for-fake-video-capture="
                + Y4mCamera.ensure(CAMERA_DIR, seed).toAbsolutePath()) : new Chromium();
                Chromium player = new Chromium()) {
            publisher.openPage(base, PAGE);
            check(publisher.call("publish", room, PUBLISHER, scenario.simulcast()), "publish");
            player.openPage(base, PAGE);
            String resourceId = String.valueOf(check(player.call("play", room, PLAYER), "play").get("resourceId"));
            if (scenario.fromJoin() && scenario.scenarioYaml() != null) {
                admin.impairDownlink(room, PLAYER, scenario.scenarioYaml(), seed);
            }
            boolean played = awaitPlaying(player);
            if (played && scenario.y4mCamera()) {
                awaitSteadyRate(player);
            }

            // The server's time of its last sample before the run: its report is read from there on.
            long windowStartMillis = ServerReport.lastSampleMillis(admin.sessionReport(resourceId));
            if (scenario.scenarioYaml() != null && !scenario.fromJoin()) {
                admin.impairDownlink(room, PLAYER, scenario.scenarioYaml(), seed);
            }
            Map<?, ?> publisherAtStart = check(publisher.call("publisherStats"), "publisherStats");
            check(player.call("startSampling"), "startSampling");
            for (int waitedMillis = 0; waitedMillis < seconds * 1000; waitedMillis += WAIT_STEP_MILLIS) {
                player.call("sleep", Math.min(WAIT_STEP_MILLIS, seconds * 1000 - waitedMillis));
            }
            Map<?, ?> sampled = check(player.call("stopSampling"), "stopSampling");
            List<PlayerSample> samples = new ArrayList<>();
            for (Object s : (List<?>) sampled.get("samples")) {
                samples.add(PlayerSample.fromMap((Map<?, ?>) s));
            }
            List<FrameGap> gaps = new ArrayList<>();
            for (Object g : (List<?>) sampled.get("gaps")) {
                gaps.add(FrameGap.fromMap((Map<?, ?>) g));
            }
            com.fasterxml.jackson.databind.JsonNode report = admin.sessionReport(resourceId);
            // The whole report behind the row (estimate, allocation, layer switches, per-second samples) for a look.
            java.nio.file.Path saved = java.nio.file.Path.of("bench", "target", "quality-report-" + scenario.name()
                    + (run > 0 ? "-" + run : "") + ".json");
            java.nio.file.Files.createDirectories(saved.getParent());
            java.nio.file.Files.writeString(saved, report.toPrettyString());
            ServerReport server = ServerReport.from(report, windowStartMillis);
            return new ScenarioResult(scenario, seed, played, ScenarioMetrics.of(samples, gaps, scenario.capSeconds()),
                    server, layers(publisherAtStart, check(publisher.call("publisherStats"), "publisherStats")), null);
        } catch (Exception e) {
            return ScenarioResult.failed(scenario, seed, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Waits (at most 20 s) until the player decodes video and plays audio, then (at most 30 s more) until it gets the
     * full width. Returns whether it played; a player that receives video packets but cannot decode them (today's
     * SFU with a simulcast publisher, at times) is measured anyway, and the result says so. Throws when no media
     * arrived at all.
     */
    private static boolean awaitPlaying(Chromium player) {
        Map<?, ?> c = Map.of();
        for (int polls = 0; polls < PLAYING_POLLS; polls++) {
            c = check(player.call("counters"), "counters");
            if (PlayerSample.lng(c, "framesDecoded") > 30 && PlayerSample.lng(c, "audioPacketsReceived") > 50) {
                break;
            }
            player.call("sleep", POLL_MILLIS);
        }
        if (PlayerSample.lng(c, "videoPacketsReceived") == 0 || PlayerSample.lng(c, "audioPacketsReceived") == 0) {
            throw new IllegalStateException("no media reached the player: " + c);
        }
        if (PlayerSample.lng(c, "framesDecoded") <= 30) {
            return false;
        }
        for (int i = 0; i < FULL_WIDTH_POLLS && PlayerSample.lng(c, "frameWidth") < FULL_WIDTH; i++) {
            player.call("sleep", POLL_MILLIS);
            c = check(player.call("counters"), "counters");
        }
        return true;
    }

    /**
     * For the Y4M camera: waits (at most {@value #STEADY_POLLS} s) until the player has received at least
     * {@value #STEADY_VIDEO_BPS} bit/s of video in {@value #STEADY_SECONDS} consecutive seconds, i.e. until the
     * publisher's encoder and both estimates have ramped up to the top layer's real rate. Without it a cap set right
     * after the first 1280-wide frame meets a top layer still ramping from a few hundred kbit/s (it fits the cap at
     * first and overflows it seconds later), which measures the ramp-up, not the cap.
     */
    private static void awaitSteadyRate(Chromium player) {
        Map<?, ?> before = check(player.call("counters"), "counters");
        int steady = 0;
        for (int i = 0; i < STEADY_POLLS && steady < STEADY_SECONDS; i++) {
            player.call("sleep", 1000);
            Map<?, ?> now = check(player.call("counters"), "counters");
            double seconds = (PlayerSample.dbl(now, "atMillis") - PlayerSample.dbl(before, "atMillis")) / 1000;
            double bps = seconds <= 0 ? 0 : 8 * (PlayerSample.lng(now, "videoBytesReceived")
                    - PlayerSample.lng(before, "videoBytesReceived")) / seconds;
            steady = bps >= STEADY_VIDEO_BPS ? steady + 1 : 0;
            before = now;
        }
    }

    /**
     * The publisher's encodings at the end, each with what it sent over the run: e.g. {@code q 320x180 180 kbit/s,
     * f 1280x720 2100 kbit/s (cpu-limited)}; a rate the browser's stats do not give is left out.
     */
    static String layers(Map<?, ?> atStart, Map<?, ?> atEnd) {
        Map<String, Map<?, ?>> start = new java.util.HashMap<>();
        for (Object o : (List<?>) atStart.get("layers")) {
            start.put(String.valueOf(((Map<?, ?>) o).get("rid")), (Map<?, ?>) o);
        }
        StringJoiner out = new StringJoiner(", ");
        for (Object o : (List<?>) atEnd.get("layers")) {
            Map<?, ?> l = (Map<?, ?>) o;
            String rid = String.valueOf(l.get("rid"));
            Map<?, ?> s = start.get(rid);
            long millis = s == null ? 0 : PlayerSample.lng(l, "atMillis") - PlayerSample.lng(s, "atMillis");
            long encoded = s == null ? 0 : PlayerSample.lng(l, "framesEncoded") - PlayerSample.lng(s, "framesEncoded");
            String rate = millis <= 0 ? "" : String.format(java.util.Locale.ROOT,
                    " %d kbit/s (target %d at the end) %.0f fps, %.0f ms encode per frame",
                    8 * (PlayerSample.lng(l, "bytesSent") - PlayerSample.lng(s, "bytesSent")) / millis,
                    PlayerSample.lng(l, "targetBitrate") / 1000, 1000.0 * encoded / millis,
                    encoded == 0 ? Double.NaN : (PlayerSample.lng(l, "totalEncodeTimeMillis")
                            - PlayerSample.lng(s, "totalEncodeTimeMillis")) / (double) encoded);
            out.add((rid.isEmpty() ? "" : rid + " ") + PlayerSample.lng(l, "frameWidth") + "x"
                    + PlayerSample.lng(l, "frameHeight") + rate + (String.valueOf(l.get("qualityLimitationReason"))
                    .matches("|none") ? "" : " (" + l.get("qualityLimitationReason") + "-limited)"));
        }
        return out.toString();
    }

    private static Map<?, ?> check(Object answer, String what) {
        if (!(answer instanceof Map<?, ?> m)) {
            throw new IllegalStateException(what + ": unexpected answer " + answer);
        }
        if (m.get("error") != null) {
            throw new IllegalStateException(what + ": " + m.get("error"));
        }
        return m;
    }
}
