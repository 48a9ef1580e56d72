/**
 * Seeded, deterministic network impairment (issue 4): loss (Bernoulli, Gilbert–Elliott), delay with jitter
 * (with or without reordering), duplication, a drop-tail bandwidth bottleneck (constant rate or a Mahimahi
 * trace), blackouts, time-varying scenarios and named presets.
 *
 * <p>The entry point is {@link dev.onair.lab.impair.Impairment}: one instance per participant and per direction,
 * called for every datagram with {@code decide(nowNanos, sizeBytes)}; it answers with a reused
 * {@link dev.onair.lab.impair.Verdict} (drop with a {@link dev.onair.lab.impair.DropReason}, or deliver at a time,
 * possibly twice). Time is passed in; randomness comes from one seed split into one stream per model.
 * Parameters and sources are documented in {@code docs/network-lab.md}.
 */
package dev.onair.lab.impair;
