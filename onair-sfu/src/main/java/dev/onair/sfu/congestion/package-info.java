/**
 * Congestion control towards one subscriber, wiring the pure parts together: the subscriber's transport-wide
 * feedback goes to the send-side estimator ({@link dev.onair.sfu.bwe}), the estimate to the allocator
 * ({@link dev.onair.sfu.alloc}), whose decisions become each track's target simulcast layer (or a pause), the
 * pacer's rate and probes. Everything it decides is sampled once a second into the session's telemetry and recorded
 * in the flight recorder. Media loop only.
 */
package dev.onair.sfu.congestion;
