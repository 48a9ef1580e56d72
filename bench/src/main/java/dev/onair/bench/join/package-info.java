/**
 * Join to first frame in real Chromium ({@link dev.onair.bench.join.JoinLatency}): a measurement, not a
 * JMH benchmark and not a test. Run {@code bench/join-latency}.
 */
package dev.onair.bench.join;
