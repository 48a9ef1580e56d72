package dev.onair.protocol;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts dropped inputs by reason. Written by the media loop, read by metrics from any thread.
 * Parsers never throw on wire input; they return a result and the caller counts the reason here.
 */
public final class DropCounts<E extends Enum<E>> {
    private final Class<E> type;
    private final AtomicLongArray counts;

    public DropCounts(Class<E> type) {
        this.type = type;
        this.counts = new AtomicLongArray(type.getEnumConstants().length);
    }

    public void increment(E reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    public long get(E reason) {
        return counts.get(reason.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** A copy of every non-zero count. */
    public Map<E, Long> snapshot() {
        Map<E, Long> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            long v = counts.get(e.ordinal());
            if (v != 0) {
                out.put(e, v);
            }
        }
        return out;
    }
}
