package dev.onair.protocol.rtp;

/** Why {@link RedPayload#parse} rejected an RFC 2198 payload. Count them with {@code DropCounts}. */
public enum RedDrop {
    /** No payload at all: not even the final one-byte block header. */
    EMPTY,
    /** The block headers run past the end of the payload (no final header with F = 0). */
    TRUNCATED_HEADER,
    /** More redundant blocks than {@link RedPayload#MAX_BLOCKS}. */
    TOO_MANY_BLOCKS,
    /** The redundant blocks' lengths add up to more than the payload holds. */
    BLOCK_OVERRUN,
    /** The bounds given to the parser do not lie inside the buffer. */
    BAD_BOUNDS
}
