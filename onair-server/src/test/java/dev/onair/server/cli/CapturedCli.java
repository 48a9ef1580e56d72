package dev.onair.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code onair} run in-process with its standard output and error captured: one runner for the command-line tests. */
public final class CapturedCli {
    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();

    /** Runs one command line; what it prints is added to {@link #out} and {@link #err}. Returns the exit code. */
    public int execute(String... args) {
        CommandLine cl = OnairCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Forgets what was printed so far. */
    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
