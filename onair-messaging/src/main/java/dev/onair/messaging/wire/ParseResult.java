package dev.onair.messaging.wire;

/** What a client frame parsed into: a {@link ClientCommand} or a {@link FrameError}, never an exception. */
public sealed interface ParseResult permits ClientCommand, FrameError {
}
