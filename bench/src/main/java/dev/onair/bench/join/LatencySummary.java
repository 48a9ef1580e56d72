package dev.onair.bench.join;

import java.util.Arrays;
import java.util.List;

/**
 * p50, p95 and max of latency samples in milliseconds. Percentiles by nearest rank: the p-th percentile of n
 * sorted samples is the ⌈p/100 · n⌉-th smallest, so with 20 samples p50 is the 10th and p95 the 19th.
 */
public record LatencySummary(int count, double p50Millis, double p95Millis, double maxMillis) {

    public static LatencySummary of(List<Double> samplesMillis) {
        if (samplesMillis.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samplesMillis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95),
                sorted[sorted.length - 1]);
    }

    static double nearestRank(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
