package dev.onair.sfu.api;

import java.util.Map;

/**
 * What shaping did in one direction, summed over the participant's live transports since the setting was made:
 * datagrams offered, drops by reason (the transport's {@code ShapeDrop} names), copies held in a delay line,
 * duplicates; and, of those datagrams, the RTP packets alone: offered ({@code rtpDatagrams}) and dropped
 * ({@code rtpDropped}), which is what a receiver's sequence numbers can see (RTCP, STUN and DTLS excluded).
 */
public record ImpairmentCounters(long datagrams, Map<String, Long> drops, long delayed, long duplicates,
                                 long rtpDatagrams, long rtpDropped) {
    public ImpairmentCounters {
        drops = Map.copyOf(drops);
    }

    /** Counters without the RTP-only split (both 0). */
    public ImpairmentCounters(long datagrams, Map<String, Long> drops, long delayed, long duplicates) {
        this(datagrams, drops, delayed, duplicates, 0, 0);
    }

    public long dropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
