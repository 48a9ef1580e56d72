package dev.onair.protocol.codec;

/** Why a VP8 payload descriptor (RFC 7741 section 4.2) could not be parsed. */
public enum Vp8Drop {
    /** The offset/length do not lie inside the buffer, or the payload is empty. */
    OUT_OF_BOUNDS,
    /** The descriptor's flags announce more bytes than the payload has (nothing left for the VP8 payload). */
    TRUNCATED
}
