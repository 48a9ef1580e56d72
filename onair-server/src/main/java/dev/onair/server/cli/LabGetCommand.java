package dev.onair.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair lab get}: the participant's impairment setting and counters, as the admin API's JSON. */
@Command(name = "get", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Show a participant's impairment (setting, seed, counters) as JSON.")
final class LabGetCommand implements Callable<Integer> {
    @CommandLine.Mixin
    LabTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCall.send("GET", target.impairmentUri(), target.token, null, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
