package dev.onair.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code onair lab}: the network lab from the command line (presets offline; set/get/clear over the admin API).
 * {@code get} and {@code clear} are one admin request each on the participant's impairment, so they are methods
 * here rather than two copies of a command class.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Network lab: list presets, and set, show or clear a participant's impairment.",
        subcommands = {LabPresetsCommand.class, LabSetCommand.class})
final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code onair lab get}: the participant's impairment setting and counters, as the admin API's JSON. */
    @Command(name = "get", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
            description = "Show a participant's impairment (setting, seed, counters) as JSON.")
    int get(@CommandLine.Mixin LabTarget target) {
        return send("GET", target);
    }

    /** {@code onair lab clear}: turns the participant's impairment off. */
    @Command(name = "clear", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
            description = "Turn a participant's impairment off.")
    int clear(@CommandLine.Mixin LabTarget target) {
        return send("DELETE", target);
    }

    private int send(String method, LabTarget target) {
        return AdminCall.send(method, target.impairmentUri(), target.token, null, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
