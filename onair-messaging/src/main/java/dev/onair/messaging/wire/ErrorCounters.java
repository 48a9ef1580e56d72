package dev.onair.messaging.wire;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many frames or commands were refused, by {@link ErrorCode}. Thread-safe. */
public final class ErrorCounters {
    private final LongAdder[] counts = new LongAdder[ErrorCode.values().length];

    public ErrorCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void count(ErrorCode code) {
        counts[code.ordinal()].increment();
    }

    public long get(ErrorCode code) {
        return counts[code.ordinal()].sum();
    }

    public long total() {
        long sum = 0;
        for (LongAdder c : counts) {
            sum += c.sum();
        }
        return sum;
    }

    /** The non-zero counts. */
    public Map<ErrorCode, Long> snapshot() {
        Map<ErrorCode, Long> out = new EnumMap<>(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            long n = get(code);
            if (n > 0) {
                out.put(code, n);
            }
        }
        return out;
    }
}
