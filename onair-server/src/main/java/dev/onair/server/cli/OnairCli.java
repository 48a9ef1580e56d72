package dev.onair.server.cli;

import dev.onair.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair}: the top-level command; see {@link ServeCommand} and {@link TokenCommand}. */
@Command(name = "onair", mixinStandardHelpOptions = true, version = "onair " + OnairCli.VERSION,
        description = "Onair: an open-source WebRTC SFU with WHIP/WHEP.",
        subcommands = {ServeCommand.class, TokenCommand.class, LabCommand.class, ReplayCommand.class})
public final class OnairCli implements Runnable {
    static final String VERSION = "0.1.0-SNAPSHOT";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Builds the command line (tests call {@code execute} on it). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OnairCli());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException) {
                line.getErr().println("onair: refusing to start: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
