package dev.onair.bench.chat;

/** The idle scenario: server RSS and heap (after a full GC) before and after {@code connections} idle sockets. */
public record IdleResult(int connections, long rssBeforeKib, long rssAfterKib, long heapBeforeKib, long heapAfterKib,
                         String problems) {
    public double rssPerConnectionKib() {
        return (rssAfterKib - rssBeforeKib) / (double) connections;
    }

    public double heapPerConnectionKib() {
        return (heapAfterKib - heapBeforeKib) / (double) connections;
    }
}
