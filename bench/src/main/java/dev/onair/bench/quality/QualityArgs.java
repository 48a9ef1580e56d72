package dev.onair.bench.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/quality [--scenario NAME]... [--seconds 60] [--seed 7] [--repeat 1]
 * [--results FILE] [--verbose]}: no {@code --scenario} runs issue 5's four; {@code --repeat N} runs the list N times
 * (in rounds: every scenario once, then again). Parsing never throws: a bad command line gives {@code error}.
 */
public record QualityArgs(List<QualityScenario> scenarios, int seconds, long seed, int repeat, Path results,
                          boolean verbose, String error) {
    public static final int DEFAULT_SECONDS = 60;
    public static final long DEFAULT_SEED = 7;
    public static final Path DEFAULT_RESULTS = Path.of("bench", "target", "quality-results.jsonl");
    /** Shorter runs leave no room for a cap to be lifted and measured. */
    public static final int MIN_SECONDS = 10;
    public static final int MAX_REPEAT = 50;

    public static QualityArgs parse(String... args) {
        List<String> names = new ArrayList<>();
        int seconds = DEFAULT_SECONDS;
        long seed = DEFAULT_SEED;
        int repeat = 1;
        Path results = DEFAULT_RESULTS;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (i + 1 >= args.length || !List.of("--scenario", "--seconds", "--seed", "--repeat", "--results").contains(a)) {
                return failed("unknown or incomplete argument: " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--scenario" -> names.add(v);
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--repeat" -> repeat = Integer.parseInt(v);
                    default -> results = Path.of(v);
                }
            } catch (NumberFormatException e) {
                return failed(a + ": not a whole number: " + v);
            }
        }
        if (seconds < MIN_SECONDS) {
            return failed("--seconds: at least " + MIN_SECONDS + ", got " + seconds);
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            return failed("--repeat: 1 to " + MAX_REPEAT + ", got " + repeat);
        }
        List<QualityScenario> scenarios = new ArrayList<>();
        for (String name : names.isEmpty() ? QualityScenario.NAMES : names) {
            var s = QualityScenario.named(name, seconds);
            if (s.isEmpty()) {
                return failed("--scenario: unknown '" + name + "' (known: " + String.join(", ", QualityScenario.NAMES)
                        + ", " + String.join(", ", QualityScenario.EXTRA_NAMES) + ")");
            }
            scenarios.add(s.get());
        }
        return new QualityArgs(scenarios, seconds, seed, repeat, results, verbose, null);
    }

    private static QualityArgs failed(String error) {
        return new QualityArgs(List.of(), DEFAULT_SECONDS, DEFAULT_SEED, 1, DEFAULT_RESULTS, false, error);
    }
}
