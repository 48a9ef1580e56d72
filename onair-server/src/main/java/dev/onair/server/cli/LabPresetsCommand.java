package dev.onair.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair lab presets}: the built-in presets and their parameters; needs no server. */
@Command(name = "presets", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "List the built-in network presets with their parameters (offline).")
final class LabPresetsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(PresetTable.render());
        spec.commandLine().getOut().flush();
        return AdminCall.OK;
    }
}
