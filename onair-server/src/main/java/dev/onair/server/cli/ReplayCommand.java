package dev.onair.server.cli;

import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Presets;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.parse.MahimahiTraceParser;
import dev.onair.lab.impair.parse.ParseResult;
import dev.onair.lab.impair.parse.ScenarioParser;
import dev.onair.lab.recorder.JsonLinesReader;
import dev.onair.lab.recorder.Resimulation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onair replay <dump.jsonl>}: replays a flight-recorder dump offline (the recorded times are the clock) and
 * prints each direction and SSRC's receive statistics; with {@code --impairment} it re-simulates one direction's
 * datagrams through that preset or scenario file with {@code --seed}, and says whether the drops are the live ones.
 * A bad file or argument: a one-line error and exit code 2.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Replay a flight-recorder dump (.jsonl): receive statistics per SSRC, and an optional "
                + "re-simulation of an impairment.")
final class ReplayCommand implements Callable<Integer> {
    /** Payload types of 48 kHz audio in common offers (Opus, RED); others default to 90 kHz video. */
    private static final Map<Integer, Integer> DEFAULT_RATES = Map.of(111, 48_000, 109, 48_000, 63, 48_000,
            0, 8_000, 8, 8_000, 9, 8_000);

    @Parameters(index = "0", paramLabel = "DUMP", description = "a dump in JSON lines (admin API or automatic dump)")
    Path dump;

    @Option(names = "--impairment", paramLabel = "PRESET|FILE",
            description = "re-simulate through a preset (${COMPLETION-CANDIDATES}) or a scenario YAML file",
            completionCandidates = PresetNames.class)
    String impairment;

    @Option(names = "--seed", paramLabel = "N", description = "the impairment's seed (default: the scenario's own)")
    Long seed;

    @Option(names = "--direction", paramLabel = "out|in",
            description = "re-simulate what the server sent (out, the participant's downlink; default) or received")
    String direction = "out";

    @Option(names = "--clock-rate", paramLabel = "PT=HZ",
            description = "RTP clock rate of a payload type (default: 111, 109, 63 → 48000; 0, 8, 9 → 8000; "
                    + "others 90000)")
    Map<Integer, Integer> clockRates = new LinkedHashMap<>();

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The preset names, for the help text. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }

    @Override
    public Integer call() {
        if (!direction.equals("out") && !direction.equals("in")) {
            return fail("--direction must be out or in, got " + direction);
        }
        if (impairment == null && seed != null) {
            return fail("--seed needs --impairment");
        }
        JsonLinesReader.Result read;
        try (Reader r = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            read = JsonLinesReader.read(r);
        } catch (IOException e) {
            return fail("cannot read " + dump + ": " + e.getMessage());
        }
        if (read.error() != null) {
            return fail(dump + ": " + read.error());
        }
        ReplayAnalysis.Resim resim = null;
        if (impairment != null) {
            ParseResult<Scenario> scenario = scenario(impairment);
            if (!scenario.isOk()) {
                return fail(scenario.error());
            }
            Scenario s = scenario.value();
            if (seed == null && s.seed().isEmpty()) {
                return fail("--seed is required: " + impairment + " names no seed");
            }
            long useSeed = seed != null ? seed : s.seed().getAsLong();
            Map<Integer, Resimulation.LinkResult> links = Resimulation.run(read.packets(), read.controls(),
                    direction.equals("out"), origin -> Impairment.create(s, useSeed, origin));
            resim = new ReplayAnalysis.Resim(impairment, useSeed, direction, links);
        }
        List<ReplayAnalysis.Stream> streams = ReplayAnalysis.streams(read,
                pt -> clockRates.getOrDefault(pt, DEFAULT_RATES.getOrDefault(pt, 90_000)));
        String file = dump.toString();
        spec.commandLine().getOut().print(json ? ReplayAnalysis.json(file, read, streams, resim)
                + System.lineSeparator() : ReplayAnalysis.text(file, read, streams, resim));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A preset by name, else a scenario file (its {@code trace:} names are files beside it). */
    private static ParseResult<Scenario> scenario(String name) {
        Optional<Scenario> preset = Presets.named(name);
        if (preset.isPresent()) {
            return ParseResult.ok(preset.get());
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            return ParseResult.error("--impairment: " + name + " is neither a preset (" + String.join(", ",
                    Presets.names()) + ") nor a scenario file");
        }
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            return ParseResult.error("cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        ParseResult<Scenario> parsed = ScenarioParser.parse(yaml, trace -> MahimahiTraceParser.parse(
                dir.resolve(trace)));
        return parsed.isOk() ? parsed : ParseResult.error(file + ": " + parsed.error());
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("onair replay: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }
}
