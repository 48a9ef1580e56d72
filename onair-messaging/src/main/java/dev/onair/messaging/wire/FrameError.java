package dev.onair.messaging.wire;

import java.util.Objects;

/**
 * A refused frame or command.
 *
 * @param code        why
 * @param reason      one line for humans
 * @param clientMsgId the frame's clientMsgId when it could be read, else null
 */
public record FrameError(ErrorCode code, String reason, String clientMsgId) implements ParseResult {
    public FrameError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
