/**
 * WebSocket signalling at {@code /rtc} (protocol v1, {@code docs/protocol.md}): join with a token, room
 * snapshot and room events, ping/pong, leave, and typed error frames for every bad input.
 */
package dev.onair.server.rtc;
