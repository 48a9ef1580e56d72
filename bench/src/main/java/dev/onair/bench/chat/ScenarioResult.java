package dev.onair.bench.chat;

/**
 * One load scenario's numbers. {@code expected} = sent × connections in the sender's room; {@code delivered}
 * counts every benchmark message received (duplicates included). CPU in percent of one core over the send and drain;
 * CPU µs per delivery: CPU time over the send and drain divided by {@code delivered}, of the server process and of the
 * bench JVM (all clients: sending, receiving, parsing, accounting).
 */
public record ScenarioResult(String name, int clients, int rooms, int offeredPerSecond, int seconds, long sent,
                             long expected, long delivered, long lost, long duplicated, long reordered,
                             double p50Millis, double p99Millis, double maxMillis, double serverCpuPercent,
                             double serverRssMib, double serverCpuMicrosPerDelivery,
                             double benchCpuMicrosPerDelivery, String problems) {
}
