package dev.onair.sfu.api;

import java.util.Map;

/**
 * What shaping did in one direction, summed over the participant's live transports since the setting was made:
 * datagrams offered, drops by reason (the transport's {@code ShapeDrop} names), copies held in a delay line,
 * duplicates.
 */
public record ImpairmentCounters(long datagrams, Map<String, Long> drops, long delayed, long duplicates) {
    public ImpairmentCounters {
        drops = Map.copyOf(drops);
    }

    public long dropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
