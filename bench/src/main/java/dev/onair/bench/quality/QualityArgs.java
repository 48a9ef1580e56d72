package dev.onair.bench.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/quality [--scenario NAME]... [--seconds 60] [--seed 7] [--results FILE]
 * [--verbose]}: no {@code --scenario} runs them all. Parsing never throws: a bad command line gives {@code error}.
 */
public record QualityArgs(List<QualityScenario> scenarios, int seconds, long seed, Path results, boolean verbose,
                          String error) {
    public static final int DEFAULT_SECONDS = 60;
    public static final long DEFAULT_SEED = 7;
    public static final Path DEFAULT_RESULTS = Path.of("bench", "target", "quality-results.jsonl");
    /** Shorter runs leave no room for a cap to be lifted and measured. */
    public static final int MIN_SECONDS = 10;

    public static QualityArgs parse(String... args) {
        List<String> names = new ArrayList<>();
        int seconds = DEFAULT_SECONDS;
        long seed = DEFAULT_SEED;
        Path results = DEFAULT_RESULTS;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (i + 1 >= args.length || !List.of("--scenario", "--seconds", "--seed", "--results").contains(a)) {
                return failed("unknown or incomplete argument: " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--scenario" -> names.add(v);
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> results = Path.of(v);
                }
            } catch (NumberFormatException e) {
                return failed(a + ": not a whole number: " + v);
            }
        }
        if (seconds < MIN_SECONDS) {
            return failed("--seconds: at least " + MIN_SECONDS + ", got " + seconds);
        }
        List<QualityScenario> scenarios = new ArrayList<>();
        for (String name : names.isEmpty() ? QualityScenario.NAMES : names) {
            var s = QualityScenario.named(name, seconds);
            if (s.isEmpty()) {
                return failed("--scenario: unknown '" + name + "' (known: " + String.join(", ", QualityScenario.NAMES)
                        + ")");
            }
            scenarios.add(s.get());
        }
        return new QualityArgs(scenarios, seconds, seed, results, verbose, null);
    }

    private static QualityArgs failed(String error) {
        return new QualityArgs(List.of(), DEFAULT_SECONDS, DEFAULT_SEED, DEFAULT_RESULTS, false, error);
    }
}
