package dev.onair.bench.chat;

import java.util.List;
import java.util.Locale;

/** The benchmark's Markdown tables and the targets, checked. */
public final class ResultTable {
    /** Issue 6's targets on the 2-core machines. */
    static final double P99_TARGET_MILLIS = 100;
    static final double IDLE_TARGET_KIB = 20;

    private ResultTable() {
    }

    public static String load(List<ScenarioResult> rows) {
        StringBuilder b = new StringBuilder("| scenario | clients | rooms | offered msg/s | s | sent | delivered / expected"
                + " | lost | dup | reordered | p50 ms | p99 ms | max ms | server CPU % | server RSS MiB"
                + " | server CPU µs/delivery | bench CPU µs/delivery | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d / %d | %d | %d | %d | %.1f | %.1f"
                            + " | %.1f | %.0f | %.0f | %.2f | %.2f | %s |%n", r.name(), r.clients(), r.rooms(), r.offeredPerSecond(),
                    r.seconds(), r.sent(), r.delivered(), r.expected(), r.lost(), r.duplicated(), r.reordered(),
                    r.p50Millis(), r.p99Millis(), r.maxMillis(), r.serverCpuPercent(), r.serverRssMib(),
                    r.serverCpuMicrosPerDelivery(), r.benchCpuMicrosPerDelivery(), r.problems()));
        }
        return b.toString();
    }

    public static String idle(IdleResult r) {
        return String.format(Locale.ROOT, "| idle connections | server RSS before → after MiB (heap pre-touched)"
                        + " | off-heap per connection KiB | heap after GC before → after MiB | heap per connection KiB"
                        + " | memory per connection KiB | errors |%n"
                        + "|---:|---:|---:|---:|---:|---:|---|%n| %d | %.1f → %.1f | %.1f | %.1f → %.1f | %.1f | %.1f | %s |%n",
                r.connections(), r.rssBeforeKib() / 1024.0, r.rssAfterKib() / 1024.0, r.rssPerConnectionKib(),
                r.heapBeforeKib() / 1024.0, r.heapAfterKib() / 1024.0, r.heapPerConnectionKib(),
                r.perConnectionKib(), r.problems());
    }

    /** One line per target: met or missed. */
    public static String targets(List<ScenarioResult> rows, IdleResult idle) {
        StringBuilder b = new StringBuilder();
        for (ScenarioResult r : rows) {
            boolean exact = r.lost() == 0 && r.duplicated() == 0 && r.reordered() == 0;
            b.append(String.format(Locale.ROOT, "%s: 0 lost / 0 dup / 0 reordered %s; p99 %.1f ms ≤ %.0f ms %s%n",
                    r.name(), exact ? "MET" : "MISSED", r.p99Millis(), P99_TARGET_MILLIS,
                    r.p99Millis() <= P99_TARGET_MILLIS ? "MET" : "MISSED"));
        }
        if (idle != null) {
            double perConn = idle.perConnectionKib();
            b.append(String.format(Locale.ROOT, "idle: memory per connection %.1f KiB ≤ %.0f KiB %s%n", perConn,
                    IDLE_TARGET_KIB, perConn <= IDLE_TARGET_KIB ? "MET" : "MISSED"));
        }
        return b.toString();
    }
}
