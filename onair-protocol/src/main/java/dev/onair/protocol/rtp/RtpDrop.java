package dev.onair.protocol.rtp;

/** Why {@link RtpHeader#parse(byte[], int, int)} rejected a datagram. Count them with {@code DropCounts}. */
public enum RtpDrop {
    /** {@code off}/{@code len} do not describe a range inside the buffer (or the buffer is null). */
    BAD_BOUNDS,
    /** Fewer than the 12 bytes of the fixed header. */
    TOO_SHORT,
    /** Version field is not 2. */
    BAD_VERSION,
    /** The CSRC list announced by CC does not fit in the datagram. */
    BAD_CSRC_COUNT,
    /** X is set but the 4-byte extension header or the announced extension words do not fit. */
    BAD_EXTENSION_LENGTH,
    /** P is set but the padding count is zero or larger than what follows the header. */
    BAD_PADDING
}
