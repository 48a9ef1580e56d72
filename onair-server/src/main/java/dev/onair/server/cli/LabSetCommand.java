package dev.onair.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onair lab set}: PUTs {@code {"direction", "preset"|"scenario", "seed"?}} to the participant's impairment;
 * a scenario file's YAML is sent as it is (the server parses and checks it). Prints the server's answer (direction,
 * preset or scenario name, seed).
 */
@Command(name = "set", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Impair a participant's link with a preset or a scenario file.")
final class LabSetCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Wire names, with the longer spellings people type. */
    private static final Map<String, String> DIRECTIONS = Map.of("up", "up", "uplink", "up", "down", "down",
            "downlink", "down", "both", "both");

    @CommandLine.Mixin
    LabTarget target;

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "down",
            description = "up (uplink, to the server), down (downlink, from the server) or both; default down")
    String direction;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--preset", paramLabel = "NAME", description = "a built-in preset (onair lab presets)")
        String preset;

        @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario YAML file (docs/network-lab.md)")
        Path scenario;
    }

    @Option(names = "--seed", paramLabel = "N", description = "the random seed (default: the scenario's, else drawn "
            + "by the server and printed)")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String wire = DIRECTIONS.get(direction.toLowerCase(Locale.ROOT));
        if (wire == null) {
            spec.commandLine().getErr().println("onair: --direction must be up, down or both (or uplink, downlink)");
            return AdminCall.USAGE;
        }
        ObjectNode body = JSON.createObjectNode().put("direction", wire);
        if (what.preset != null) {
            body.put("preset", what.preset);
        } else {
            try {
                body.put("scenario", Files.readString(what.scenario, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("onair: cannot read scenario file " + what.scenario + ": " + e);
                return AdminCall.USAGE;
            }
        }
        if (seed != null) {
            body.put("seed", seed.longValue());
        }
        return AdminCall.send("PUT", target.impairmentUri(), target.token, body.toString(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
