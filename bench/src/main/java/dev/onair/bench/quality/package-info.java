/**
 * The quality benchmark of issue 5 in real Chromium ({@link dev.onair.bench.quality.QualityBenchmark}): a WHIP
 * publisher, a WHEP player, a network-lab impairment on the player's downlink, the player's own getStats() sampled
 * once a second and the server's session report, one table row and one JSON line per scenario. A measurement, not a
 * JMH benchmark and not a test. Run {@code bench/quality}.
 */
package dev.onair.bench.quality;
