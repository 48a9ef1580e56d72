package dev.onair.bench.chat;

import dev.onair.transport.clock.MediaClock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messaging benchmark of issue 6 ({@code bench/chat}): per scenario a fresh server process (dev mode, in-memory
 * history), the project's own {@link dev.onair.client.chat.ChatClient}s in this JVM, a paced load, and a Markdown table
 * of offered, delivered, lost, duplicated, reordered, delivery latency p50/p99/max, server CPU and RSS; the idle
 * scenario measures server memory per idle connection.
 */
public final class ChatBenchmark {
    private ChatBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        ChatArgs args;
        try {
            args = ChatArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        MediaClock clock = MediaClock.system();
        Path dir = Path.of("bench", "target", "chat-bench");
        out.printf(Locale.ROOT, "# Chat benchmark, %s, %d cores, load %s%n", Instant.ofEpochMilli(clock.wallMillis()),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf("server: own process, dev mode, in-memory history, rate limit %d msg/s per identity (the few sender"
                + " identities each offer rate/senders msg/s, above the default 5: this measures fan-out, not the"
                + " limiter); each load scenario first sends %d s at its rate as a warm-up (JIT), not counted; a message not"
                + " received %d s after the last send counts as lost%n%n",
                ServerProcess.RATE_LIMIT_PER_SECOND, args.warmupSeconds(), ScenarioRun.DRAIN_NANOS / 1_000_000_000L);
        List<ScenarioResult> rows = new ArrayList<>();
        IdleResult idle = null;
        for (String name : args.scenarios()) {
            ChatScenario s = ChatScenario.of(name, args.clients(), args.rate(), args.seconds());
            ScenarioRun run = new ScenarioRun(s, clock, dir, out, args.warmupSeconds(), args.serverJvmArgs());
            if (s.idle()) {
                idle = run.runIdle();
            } else {
                rows.add(run.runLoad());
            }
        }
        out.println();
        if (!rows.isEmpty()) {
            out.println(ResultTable.load(rows));
        }
        if (idle != null) {
            out.println(ResultTable.idle(idle));
        }
        out.print(ResultTable.targets(rows, idle));
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
