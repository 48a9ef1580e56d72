/**
 * The messaging wire protocol (JSON text frames, documented in {@code docs/messaging.md}): {@link
 * dev.onair.messaging.wire.ClientFrameParser} turns a client frame into a {@link dev.onair.messaging.wire.ClientCommand}
 * or a {@link dev.onair.messaging.wire.FrameError} and never throws; {@link dev.onair.messaging.wire.ServerFrames}
 * writes the server's frames.
 */
package dev.onair.messaging.wire;
