package dev.onair.bench.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What several runs of one scenario ({@code --repeat N}) spread over, so that one noisy run does not decide: the
 * median, minimum and maximum of the freeze %, the median longest freeze, and how many runs met each target
 * ({@link TargetCheck}). Failed runs are counted but left out of the numbers.
 *
 * @param scenario            the scenario's name
 * @param runs                runs that completed
 * @param failed              runs that failed
 * @param freezePercent       median, min and max of the freeze %
 * @param longestFreezeMillis median of the longest freeze
 * @param targetsMet          per target (in the order {@link TargetCheck#of} gives them): "k/N"
 */
public record RunSpread(String scenario, int runs, int failed, Spread freezePercent, double longestFreezeMillis,
                        Map<String, String> targetsMet) {

    /** Median, minimum and maximum; NaN for no values. */
    public record Spread(double median, double min, double max) {
        static Spread of(List<Double> values) {
            List<Double> v = values.stream().filter(d -> d != null && !d.isNaN()).sorted().toList();
            if (v.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            int n = v.size();
            double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
            return new Spread(median, v.get(0), v.get(n - 1));
        }

        @Override
        public String toString() {
            return ResultTable.fixed(median, 1) + " (" + ResultTable.fixed(min, 1) + "–" + ResultTable.fixed(max, 1)
                    + ")";
        }
    }

    /** One spread per scenario, in the order the scenarios first appear in {@code results}. */
    public static List<RunSpread> of(List<ScenarioResult> results) {
        Map<String, List<ScenarioResult>> byScenario = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            byScenario.computeIfAbsent(r.scenario().name(), k -> new ArrayList<>()).add(r);
        }
        List<RunSpread> out = new ArrayList<>();
        byScenario.forEach((name, runs) -> {
            List<ScenarioResult> ok = runs.stream().filter(ScenarioResult::ok).toList();
            Map<String, int[]> tally = new LinkedHashMap<>();
            for (ScenarioResult r : ok) {
                for (TargetCheck c : TargetCheck.of(r)) {
                    int[] t = tally.computeIfAbsent(c.target(), k -> new int[2]);
                    t[0] += c.met() ? 1 : 0;
                    t[1]++;
                }
            }
            Map<String, String> met = new LinkedHashMap<>();
            tally.forEach((target, t) -> met.put(target, t[0] + "/" + t[1]));
            out.add(new RunSpread(name, ok.size(), runs.size() - ok.size(),
                    Spread.of(ok.stream().map(r -> r.metrics().freezePercent()).toList()),
                    Spread.of(ok.stream().map(r -> r.metrics().longestFreezeMillis()).toList()).median(), met));
        });
        return out;
    }

    public static String header() {
        return "| scenario | runs | freeze % median (min–max) | longest freeze ms (median) | targets met |\n"
                + "|---|---|---|---|---|";
    }

    public String row() {
        List<String> met = new ArrayList<>();
        targetsMet.forEach((target, count) -> met.add(target + ": " + count));
        return String.format(Locale.ROOT, "| %s | %d%s | %s | %s | %s |", scenario, runs,
                failed > 0 ? " (+" + failed + " failed)" : "", freezePercent, ResultTable.fixed(longestFreezeMillis, 0),
                met.isEmpty() ? ResultTable.DASH : String.join("; ", met));
    }
}
