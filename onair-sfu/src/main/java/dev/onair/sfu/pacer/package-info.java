/**
 * Per-subscriber pacing: a media budget ({@link dev.onair.sfu.pacer.Pacer}) that spreads video over time at the
 * pacing rate, queueing-delay accounting, and padding-only packets for bandwidth probes. Media loop only; no
 * allocation per packet; time passed in.
 */
package dev.onair.sfu.pacer;
