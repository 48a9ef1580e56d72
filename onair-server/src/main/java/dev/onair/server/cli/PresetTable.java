package dev.onair.server.cli;

import dev.onair.lab.impair.ImpairmentProfile;
import dev.onair.lab.impair.LossSpec;
import dev.onair.lab.impair.Presets;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.ScenarioStep;
import java.util.Locale;

/** The built-in network presets as text, one line each, with their parameters (docs/network-lab.md has sources). */
final class PresetTable {
    private PresetTable() {
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        for (String name : Presets.names()) {
            Scenario s = Presets.named(name).orElseThrow();
            out.append(String.format(Locale.ROOT, "%-16s %s", name, describe(s.base())));
            for (ScenarioStep step : s.steps()) {
                out.append(String.format(Locale.ROOT, "; at %d ms for %d ms: %s", step.atMillis(), step.forMillis(),
                        step.set().blackout() == Boolean.TRUE ? "blackout" : "override"));
            }
            if (s.loopMillis() > 0) {
                out.append(String.format(Locale.ROOT, "; repeats every %d ms", s.loopMillis()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** e.g. {@code rate 1.5 Mbit/s, delay 60 ms ± 25 ms (normal), loss Gilbert 3.0 % bursts of 3.0, queue 400 ms}. */
    static String describe(ImpairmentProfile p) {
        StringBuilder b = new StringBuilder();
        b.append("rate ").append(p.rateBps() == 0 ? "unlimited" : String.format(Locale.ROOT, "%.3g Mbit/s",
                p.rateBps() / 1e6));
        b.append(String.format(Locale.ROOT, ", delay %.0f ms ± %.0f ms (%s)", p.delayMillis(), p.jitterMillis(),
                p.jitterDistribution().name().toLowerCase(Locale.ROOT)));
        b.append(", loss ").append(loss(p.loss()));
        if (p.duplicateProbability() > 0) {
            b.append(String.format(Locale.ROOT, ", duplicates %.2f %%", 100 * p.duplicateProbability()));
        }
        b.append(", queue ").append(p.queueLimit());
        b.append(p.reorderAllowed() ? ", reordering" : ", in order");
        return b.toString();
    }

    private static String loss(LossSpec loss) {
        if (loss instanceof LossSpec.Bernoulli b) {
            return String.format(Locale.ROOT, "Bernoulli %.2f %%", 100 * b.lossProbability());
        }
        if (loss instanceof LossSpec.GilbertElliott g) {
            return String.format(Locale.ROOT, "Gilbert-Elliott %.2f %% in bursts of %.1f (p %.4g, r %.4g, k %.4g, "
                    + "h %.4g)", 100 * g.meanLossRatio(), g.meanBurstLengthPackets(), g.p(), g.r(), g.k(), g.h());
        }
        return "none";
    }
}
