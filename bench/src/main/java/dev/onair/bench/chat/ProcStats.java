package dev.onair.bench.chat;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a process's CPU time and resident memory from Linux {@code /proc/<pid>/stat} and {@code status} text. */
public final class ProcStats {
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ProcStats() {
    }

    /** utime + stime in clock ticks from a {@code /proc/<pid>/stat} line (fields 14 and 15; the comm may hold spaces). */
    public static OptionalLong cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] f = statLine.substring(close + 1).trim().split("\\s+");
        // after the comm: f[0] is field 3 (state), so field 14 is f[11] and field 15 is f[12]
        if (f.length < 13) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** VmRSS in KiB from {@code /proc/<pid>/status}. */
    public static OptionalLong rssKib(String status) {
        Matcher m = RSS.matcher(status);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The heap's used KiB from {@code jcmd <pid> GC.heap_info} output (the first "used NK"). */
    public static OptionalLong heapUsedKib(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** This JVM's utime + stime in clock ticks ({@code /proc/self/stat}), empty when unreadable. */
    public static OptionalLong selfCpuTicks() {
        try {
            return cpuTicks(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat")));
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU microseconds per event: {@code ticks} of CPU at {@code ticksPerSecond} over {@code events}; 0 when none. */
    public static double cpuMicrosPer(long ticks, long events, int ticksPerSecond) {
        if (events <= 0) {
            return 0;
        }
        return ticks * 1e6 / ticksPerSecond / events;
    }

    /** CPU use in percent of one core: {@code ticks} of CPU over {@code wallNanos}, at {@code ticksPerSecond}. */
    public static double cpuPercent(long ticks, long wallNanos, int ticksPerSecond) {
        if (wallNanos <= 0) {
            return 0;
        }
        return 100.0 * ticks / ticksPerSecond / (wallNanos / 1e9);
    }
}
