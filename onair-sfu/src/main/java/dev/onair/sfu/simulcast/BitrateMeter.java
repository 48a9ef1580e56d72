package dev.onair.sfu.simulcast;

import java.util.Arrays;

/**
 * Bytes received over about the last second in ten 100 ms buckets: {@link #bitrateBps} divides the bytes of the
 * current (partial) bucket and the nine before it by the time they cover. Time comes from the caller. No
 * allocation after construction.
 */
public final class BitrateMeter {
    public static final long WINDOW_NANOS = 1_000_000_000L;
    private static final int BUCKETS = 10;
    private static final long BUCKET_NANOS = WINDOW_NANOS / BUCKETS;

    private final long[] bytes = new long[BUCKETS];
    private long currentBucket = Long.MIN_VALUE;

    /** Counts {@code len} bytes received at {@code nowNanos}. */
    public void add(int len, long nowNanos) {
        long b = Math.floorDiv(nowNanos, BUCKET_NANOS);
        if (currentBucket == Long.MIN_VALUE || b - currentBucket >= BUCKETS) {
            Arrays.fill(bytes, 0);
            currentBucket = b;
        } else {
            while (currentBucket < b) {
                currentBucket++;
                bytes[slot(currentBucket)] = 0;
            }
        }
        // A packet stamped before the newest bucket (reordered clocks) counts in the newest one.
        bytes[slot(currentBucket)] += len;
    }

    /** Bits per second over the last second before {@code nowNanos}; 0 when nothing arrived in it. */
    public long bitrateBps(long nowNanos) {
        if (currentBucket == Long.MIN_VALUE) {
            return 0;
        }
        long b = Math.floorDiv(nowNanos, BUCKET_NANOS);
        long oldest = b - BUCKETS + 1;
        long sum = 0;
        for (long k = Math.max(oldest, currentBucket - BUCKETS + 1); k <= currentBucket; k++) {
            sum += bytes[slot(k)];
        }
        long coveredNanos = nowNanos - oldest * BUCKET_NANOS;
        return coveredNanos <= 0 ? 0 : sum * 8 * 1_000_000_000L / coveredNanos;
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
