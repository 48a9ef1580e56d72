package dev.onair.bench.chat;

/**
 * Delivery latencies in buckets of {@link #BUCKET_MICROS} µs up to {@link #RANGE_MILLIS} ms (above: the last bucket),
 * plus the exact maximum. One writer thread per instance; {@link #merge} after the run.
 */
public final class LatencyHistogram {
    static final int BUCKET_MICROS = 100;
    static final int RANGE_MILLIS = 60_000;
    private static final int BUCKETS = RANGE_MILLIS * 1000 / BUCKET_MICROS;
    private final int[] counts = new int[BUCKETS + 1];
    private long total;
    private long maxNanos;

    public void record(long latencyNanos) {
        long nanos = Math.max(0, latencyNanos);
        int bucket = (int) Math.min(BUCKETS, nanos / (BUCKET_MICROS * 1000L));
        counts[bucket]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    public void merge(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }

    public long count() {
        return total;
    }

    /**
     * The {@code p}-th percentile (0 < p ≤ 100) in milliseconds: the upper edge of the bucket that holds it (so at
     * most {@link #BUCKET_MICROS} µs above the true value, never above the maximum; the maximum when it lies beyond
     * the range); 0 when empty.
     */
    public double percentileMillis(double p) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && i < BUCKETS) {
                double upper = (i + 1) * BUCKET_MICROS / 1000.0;
                return Math.min(upper, maxMillis());
            }
        }
        return maxMillis();
    }

    public double maxMillis() {
        return maxNanos / 1e6;
    }
}
