package dev.onair.bench.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/chat [--scenario one-room|many-rooms|idle]... [--clients 1000] [--rate 200] [--seconds 30]
 * [--warmup-seconds 5] [--server-jvm-args "ARGS"]}. {@code --server-jvm-args}: extra JVM flags for the server process,
 * split on spaces (e.g. {@code "-XX:StartFlightRecording:filename=server.jfr"} to profile it).
 */
public record ChatArgs(List<String> scenarios, int clients, int rate, int seconds, int warmupSeconds,
                       List<String> serverJvmArgs) {
    public static ChatArgs parse(String[] args) {
        List<String> scenarios = new ArrayList<>();
        int clients = 1000;
        int rate = 200;
        int seconds = 30;
        int warmupSeconds = 5;
        List<String> serverJvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--scenario" -> {
                    for (String s : value(args, ++i, a).split(",")) {
                        if (!ChatScenario.NAMES.contains(s)) {
                            throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ChatScenario.NAMES);
                        }
                        scenarios.add(s);
                    }
                }
                case "--clients" -> clients = positive(value(args, ++i, a), a);
                case "--rate" -> rate = positive(value(args, ++i, a), a);
                case "--seconds" -> seconds = positive(value(args, ++i, a), a);
                case "--warmup-seconds" -> warmupSeconds = positive(value(args, ++i, a), a);
                case "--server-jvm-args" -> {
                    for (String flag : value(args, ++i, a).split(" ")) {
                        if (!flag.isEmpty()) {
                            serverJvmArgs.add(flag);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + a
                        + "; usage: bench/chat [--scenario NAME]... [--clients N] [--rate MSG_PER_S] [--seconds S] [--warmup-seconds S]"
                        + " [--server-jvm-args ARGS]");
            }
        }
        return new ChatArgs(scenarios.isEmpty() ? ChatScenario.NAMES : List.copyOf(scenarios), clients, rate, seconds,
                warmupSeconds, List.copyOf(serverJvmArgs));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive integer, got " + v);
    }
}
