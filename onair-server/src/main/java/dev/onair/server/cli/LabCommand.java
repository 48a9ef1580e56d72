package dev.onair.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair lab}: the network lab from the command line (presets offline; set/get/clear over the admin API). */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Network lab: list presets, and set, show or clear a participant's impairment.",
        subcommands = {LabPresetsCommand.class, LabSetCommand.class, LabGetCommand.class, LabClearCommand.class})
final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
