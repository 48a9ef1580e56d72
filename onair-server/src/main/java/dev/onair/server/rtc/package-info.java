/**
 * WebSocket signalling at {@code /rtc} (protocol v1, {@code docs/protocol.md}): join with a token (or resume),
 * the room snapshot and room events, publish and subscribe offers for a participant's two peer connections,
 * mute, trickle, ping/pong, leave, the browser's {@code client_stats}, and typed error frames for every bad input. The SFU core decides who sees
 * what; this package only turns its outcomes and events into frames.
 */
package dev.onair.server.rtc;
