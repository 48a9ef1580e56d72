package dev.onair.bench.quality;

import ch.qos.logback.classic.Level;
import dev.onair.bench.join.Chromium;
import dev.onair.server.OnairServer;
import dev.onair.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The quality benchmark of issue 5 in real headless Chromium: starts the server in-process (dev mode, free ports,
 * media on 127.0.0.1), runs each scenario ({@link QualityScenario}) with a fresh publisher and player
 * ({@link QualityRun}), prints one Markdown table row per run as it finishes, then the whole table, the legend, the
 * targets of issue 5 per run ({@link TargetCheck}) and, with {@code --repeat}, the spread per scenario
 * ({@link RunSpread}), and writes one JSON line per run to the results file (overwritten).
 *
 * <p>{@code bench/quality [--scenario NAME]... [--seconds 60] [--seed 7] [--repeat 1] [--results FILE]
 * [--verbose]}. Exit code 0
 * when every scenario ran, 1 when one failed, 2 for a bad command line or a missing Chromium.
 */
public final class QualityBenchmark {

    private QualityBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        QualityArgs args = QualityArgs.parse(argv);
        if (args.error() != null) {
            System.err.println("quality: " + args.error());
            System.exit(2);
        }
        if (!Chromium.available()) {
            System.err.println("quality: needs Debian's chromium and chromium-driver (" + Chromium.CHROMIUM + ", "
                    + Chromium.CHROMEDRIVER + ")");
            System.exit(2);
        }
        if (!args.verbose()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.onair")).setLevel(Level.WARN);
        }
        List<ScenarioResult> results = new ArrayList<>();
        try (OnairServer server = OnairServer.start(new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 100))) {
            String base = "http://127.0.0.1:" + server.httpPort();
            QualityRun run = new QualityRun(base, new AdminApi(server, base));
            System.out.printf(Locale.ROOT, "quality benchmark: %d s per scenario, seed %d, %d run(s) of each, %d CPUs;"
                    + " impairment on the player's downlink%n%s%n", args.seconds(), args.seed(), args.repeat(),
                    Runtime.getRuntime().availableProcessors(), ResultTable.header());
            for (int round = 0; round < args.repeat(); round++) {
                for (QualityScenario scenario : args.scenarios()) {
                    ScenarioResult r = run.run(scenario, args.seconds(), args.seed(),
                            args.repeat() > 1 ? round + 1 : 0);
                    results.add(r);
                    System.out.println(ResultTable.row(r));
                }
            }
        }
        Files.createDirectories(args.results().toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(args.results(), StandardCharsets.UTF_8))) {
            results.forEach(r -> out.println(ResultJson.line(r)));
        }
        System.out.println();
        System.out.println(ResultTable.header());
        results.forEach(r -> System.out.println(ResultTable.row(r)));
        System.out.println();
        for (ScenarioResult r : results) {
            System.out.printf(Locale.ROOT, "- %s: %s; publisher layers (sent over the run): %s; server: queue drops %d,"
                    + " resent %d, shaper dropped %d of %d RTP%n", r.scenario().name(), r.scenario().description(),
                    r.publisherLayers().isEmpty() ? ResultTable.DASH : r.publisherLayers(), r.server().queueDrops(),
                    r.server().retransmitted(), r.server().shaperRtpDropped(), r.server().shaperRtpOffered());
        }
        System.out.println();
        System.out.println("Targets of issue 5, per run:");
        System.out.println();
        System.out.println(TargetCheck.header());
        results.forEach(r -> TargetCheck.of(r).forEach(c -> System.out.println(c.row())));
        if (args.repeat() > 1) {
            System.out.println();
            System.out.println(RunSpread.header());
            RunSpread.of(results).forEach(s -> System.out.println(s.row()));
        }
        System.out.println("results: " + args.results());
        System.exit(results.stream().allMatch(ScenarioResult::ok) ? 0 : 1);
    }
}
