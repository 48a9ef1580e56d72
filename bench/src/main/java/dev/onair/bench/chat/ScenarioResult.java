package dev.onair.bench.chat;

/**
 * One load scenario's numbers. {@code expected} = sent × connections in the sender's room; {@code delivered}
 * counts every benchmark message received (duplicates included). CPU in percent of one core over the send and drain.
 */
public record ScenarioResult(String name, int clients, int rooms, int offeredPerSecond, int seconds, long sent,
                             long expected, long delivered, long lost, long duplicated, long reordered,
                             double p50Millis, double p99Millis, double maxMillis, double serverCpuPercent,
                             double serverRssMib, String problems) {
}
