package dev.onair.bench.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of issue 5's literal targets checked against one run: what the issue asks, what was measured, and whether it
 * was met. A value the run could not measure (no layer drop, no resume) is not met. {@code baseline} has no target in
 * the issue; its check (freeze ≤ 1 %, the loss scenario's bound) is only the reference the other rows are read
 * against.
 *
 * @param scenario the scenario's name
 * @param target   the target in words, e.g. "recovered ≥ 95 %"
 * @param measured the measured value with its unit, "–" when unknown
 * @param met      whether the run met it
 */
public record TargetCheck(String scenario, String target, String measured, boolean met) {
    public static final double RECOVERED_MIN_PERCENT = 95;
    public static final double AFTER_RECOVERY_MAX_PERCENT = 0.25;
    public static final double FREEZE_MAX_PERCENT = 1;
    public static final double CONCEALED_MAX_PERCENT = 2;
    public static final double LAYER_DOWN_MAX_SECONDS = 5;
    public static final double FREEZE_AFTER_DOWN_MAX_MILLIS = 500;
    public static final double QUEUE_DELAY_BELOW_MILLIS = 200;
    public static final double TOP_LAYER_BACK_MAX_SECONDS = 15;

    /** The checks of one run; empty for a failed run or a scenario without targets. */
    public static List<TargetCheck> of(ScenarioResult r) {
        List<TargetCheck> out = new ArrayList<>();
        if (!r.ok()) {
            return out;
        }
        String name = r.scenario().name();
        ScenarioMetrics m = r.metrics();
        switch (name) {
            case "baseline" -> out.add(atMost(name, "freeze (reference, no issue target)", m.freezePercent(),
                    FREEZE_MAX_PERCENT, "%"));
            case "loss5-rtt80" -> {
                out.add(atLeast(name, "recovered", m.recoveredPercent(), RECOVERED_MIN_PERCENT, "%"));
                out.add(new TargetCheck(name, "NACKs > 0", Long.toString(m.nackCount()), m.nackCount() > 0));
                out.add(atMost(name, "loss after recovery", m.lossAfterRecoveryPercent(),
                        AFTER_RECOVERY_MAX_PERCENT, "%"));
                out.add(atMost(name, "freeze", m.freezePercent(), FREEZE_MAX_PERCENT, "%"));
                out.add(atMost(name, "audio concealed", m.audioConcealmentPercent(), CONCEALED_MAX_PERCENT, "%"));
            }
            case "cap1m-simulcast" -> {
                out.add(atMost(name, "lower layer received, after the cap", m.layerDownSeconds(), LAYER_DOWN_MAX_SECONDS, "s"));
                out.add(atMost(name, "longest freeze after the layer drop", m.longestFreezeAfterDownMillis(),
                        FREEZE_AFTER_DOWN_MAX_MILLIS, "ms"));
                Double queue = r.server().maxQueueDelayMillis();
                out.add(new TargetCheck(name, "server queueing delay < " + number(QUEUE_DELAY_BELOW_MILLIS) + " ms",
                        measured(queue, "ms"), queue != null && queue < QUEUE_DELAY_BELOW_MILLIS));
                out.add(atMost(name, "top layer back for good, after the lift", m.topLayerBackSeconds(),
                        TOP_LAYER_BACK_MAX_SECONDS, "s"));
            }
            case "cap250k-audio" -> {
                out.add(new TargetCheck(name, "video paused during the cap", m.videoPaused() ? "yes" : "no",
                        m.videoPaused()));
                out.add(atMost(name, "audio concealed", m.audioConcealmentPercent(), CONCEALED_MAX_PERCENT, "%"));
                out.add(new TargetCheck(name, "video resumes after the lift",
                        m.resumedSeconds() == null ? "no" : "after " + measured(m.resumedSeconds(), "s"),
                        m.resumedSeconds() != null));
            }
            default -> {
            }
        }
        return out;
    }

    /** One Markdown table row: scenario, target, measured, met. */
    public String row() {
        return "| " + scenario + " | " + target + " | " + measured + " | " + (met ? "met" : "**not met**") + " |";
    }

    public static String header() {
        return "| scenario | target (issue 5) | measured | |\n|---|---|---|---|";
    }

    private static TargetCheck atMost(String scenario, String what, Double value, double max, String unit) {
        boolean known = value != null && !value.isNaN();
        return new TargetCheck(scenario, what + " ≤ " + number(max) + " " + unit, measured(value, unit),
                known && value <= max);
    }

    private static TargetCheck atLeast(String scenario, String what, Double value, double min, String unit) {
        boolean known = value != null && !value.isNaN();
        return new TargetCheck(scenario, what + " ≥ " + number(min) + " " + unit, measured(value, unit),
                known && value >= min);
    }

    private static String measured(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return ResultTable.DASH;
        }
        return number(value) + " " + unit;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.2f" : "%.1f", v);
    }
}
