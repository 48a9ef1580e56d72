package dev.onair.bench.chat;

/**
 * The idle scenario: server RSS and heap (after a full GC) before and after {@code connections} idle sockets. The
 * server's heap is pre-touched, so the RSS delta is the memory outside the heap and the sum of both deltas is the
 * memory an idle connection costs.
 */
public record IdleResult(int connections, long rssBeforeKib, long rssAfterKib, long heapBeforeKib, long heapAfterKib,
                         String problems) {
    public double rssPerConnectionKib() {
        return (rssAfterKib - rssBeforeKib) / (double) connections;
    }

    public double heapPerConnectionKib() {
        return (heapAfterKib - heapBeforeKib) / (double) connections;
    }

    /**
     * Heap plus off-heap per connection; a negative RSS delta (the full GC gave native memory back, which outweighs
     * what the sockets hold outside the heap) counts as zero.
     */
    public double perConnectionKib() {
        return Math.max(0, rssPerConnectionKib()) + heapPerConnectionKib();
    }
}
