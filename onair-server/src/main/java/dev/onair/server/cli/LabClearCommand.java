package dev.onair.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair lab clear}: turns the participant's impairment off. */
@Command(name = "clear", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Turn a participant's impairment off.")
final class LabClearCommand implements Callable<Integer> {
    @CommandLine.Mixin
    LabTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCall.send("DELETE", target.impairmentUri(), target.token, null, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
