/**
 * The flight recorder: per participant, a bounded ring of packet metadata (never payloads) and control events
 * for the last minute, written at the transports' socket edge and by the sessions (keyframe flags, keyframe
 * requests). Recording allocates nothing and takes no lock; only a snapshot ({@link dev.onair.sfu.recorder.Recording})
 * does. The lab module formats dumps (JSON lines, pcap) and replays them.
 */
package dev.onair.sfu.recorder;
