package dev.onair.bench.quality;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's table in Markdown, one row per scenario, as it goes into docs/quality.md. An unknown or
 * inapplicable value prints as "–".
 */
public final class ResultTable {
    static final String DASH = "–";
    private static final List<String> COLUMNS = List.of("scenario", "run s", "video loss %", "after recovery %",
            "recovered %", "NACKs", "freeze %", "longest freeze ms", "fps", "video kbit/s", "audio loss %",
            "audio concealed %", "MOS", "video score", "tier worst/end", "width start→end", "layer down s",
            "freeze after down ms", "top layer back s", "width changes", "paused", "resumed s", "server queue max ms");

    private ResultTable() {
    }

    public static String header() {
        return "| " + String.join(" | ", COLUMNS) + " |\n" + "|---".repeat(COLUMNS.size()) + "|";
    }

    public static String row(ScenarioResult r) {
        if (!r.ok()) {
            return "| " + r.scenario().name() + " | failed: " + r.error().replace('|', '/') + " |";
        }
        ScenarioMetrics m = r.metrics();
        ServerReport s = r.server();
        String name = r.scenario().name() + (r.playedBeforeRun() ? "" : " (did not play before the run)");
        return "| " + String.join(" | ", List.of(name, fixed(m.runSeconds(), 0),
                fixed(m.videoLossPercent(), 2), fixed(m.lossAfterRecoveryPercent(), 2), fixed(m.recoveredPercent(), 1),
                Long.toString(m.nackCount()), fixed(m.freezePercent(), 1), fixed(m.longestFreezeMillis(), 0),
                fixed(m.framesPerSecond(), 1), fixed(m.videoBitrateBps() / 1000, 0),
                fixed(m.audioLossPercent(), 2), fixed(m.audioConcealmentPercent(), 2), fixed(s.meanMos(), 2),
                fixed(s.meanVideoScore(), 0),
                orDash(s.worstTier()) + "/" + orDash(s.endTier()), m.referenceWidth() + "→" + m.endWidth(),
                fixed(m.layerDownSeconds(), 1), fixed(m.longestFreezeAfterDownMillis(), 0),
                fixed(m.topLayerBackSeconds(), 1), Integer.toString(m.widthChanges()), m.videoPaused() ? "yes" : "no",
                fixed(m.resumedSeconds(), 1), fixed(s.maxQueueDelayMillis(), 0)))
                + " |";
    }

    private static String orDash(String s) {
        return s == null ? DASH : s;
    }

    /** {@code value} with {@code decimals} decimals; "–" for null or NaN. */
    static String fixed(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return DASH;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
