/**
 * Per-second telemetry of sessions and tracks (issue 4). Once a second, on the media loop's existing tick, a
 * sampler reads the cumulative counters the media path already keeps ({@link dev.onair.sfu.telemetry.TrackCounters}),
 * differences them against the previous tick and appends one sample to a bounded ring
 * ({@link dev.onair.sfu.telemetry.SampleRing}). Nothing here runs per packet.
 *
 * <p>Memory: {@link dev.onair.sfu.telemetry.SessionTelemetry#DEFAULT_CAPACITY} (300) samples per series, one
 * series per session plus one per track. A track sample is one object of about 130 bytes (plus up to five boxed
 * Doubles, 16 bytes each), a session sample about 80 bytes, so a session with two tracks holds at most about
 * 300 × (2 × 210 + 80) ≈ 150 KB, reached after five minutes and constant afterwards; a subscriber session keeps
 * {@link dev.onair.sfu.telemetry.SessionTelemetry#SUBSCRIBER_CAPACITY} (60) samples, about 30 KB.
 */
package dev.onair.sfu.telemetry;
