package dev.onair.bench.chat;

import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What all receivers of one run share: the total of benchmark messages received (the drain waits on it), acks,
 * error frames by code, unexpected closes by code, and one latency histogram per event loop thread.
 */
final class LoadCounters {
    final LongAdder received = new LongAdder();
    final LongAdder warmupReceived = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder duplicateAcks = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> closes = new ConcurrentHashMap<>();
    private final Queue<LatencyHistogram> histograms = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<LatencyHistogram> histogram = ThreadLocal.withInitial(() -> {
        LatencyHistogram h = new LatencyHistogram();
        histograms.add(h);
        return h;
    });

    LatencyHistogram threadHistogram() {
        return histogram.get();
    }

    void error(String code) {
        errors.computeIfAbsent(code == null ? "?" : code, c -> new LongAdder()).increment();
    }

    void closed(int code) {
        closes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Call once the event loops have stopped. */
    LatencyHistogram mergedLatency() {
        LatencyHistogram all = new LatencyHistogram();
        histograms.forEach(all::merge);
        return all;
    }

    /** "code×n, …" of the error frames and closes seen, or "none". */
    String problems() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(errors).forEach((c, n) -> b.append(b.isEmpty() ? "" : ", ").append(c).append('×').append(n));
        new TreeMap<>(closes).forEach((c, n) -> b.append(b.isEmpty() ? "" : ", ").append("close ").append(c)
                .append('×').append(n));
        return b.isEmpty() ? "none" : b.toString();
    }
}
