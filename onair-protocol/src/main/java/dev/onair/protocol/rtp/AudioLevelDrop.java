package dev.onair.protocol.rtp;

/** Why {@link AudioLevel#element} found no usable RFC 6464 audio level. Count them with {@code DropCounts}. */
public enum AudioLevelDrop {
    /** The packet has no element with the negotiated id (or no RFC 8285 block, or the id is not 1..255). */
    ABSENT,
    /** An element with the id is there but its data is not exactly one byte (RFC 6464 §3). */
    BAD_LENGTH
}
