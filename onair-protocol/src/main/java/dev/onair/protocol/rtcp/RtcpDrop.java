package dev.onair.protocol.rtcp;

/** Why {@link RtcpParser} stopped walking a compound packet. Count them with {@code DropCounts}. */
public enum RtcpDrop {
    /** {@code off}/{@code len} do not describe a range inside the buffer (or the buffer is null). */
    BAD_BOUNDS,
    /** Zero bytes: not an RTCP packet at all. */
    EMPTY,
    /** Fewer than the 4 bytes of a common header left. */
    TOO_SHORT,
    /** Version field is not 2. */
    BAD_VERSION,
    /** The length field points past the end of the datagram. */
    LENGTH_BEYOND_BUFFER,
    /** The length field is shorter than the fixed part its type and count need. */
    TRUNCATED,
    /** P is set but the padding count is zero or larger than the packet body. */
    BAD_PADDING,
    /** SDES chunk or item running past the packet, or a chunk without its null terminator. */
    MALFORMED_SDES,
    /** BYE reason length running past the packet. */
    MALFORMED_BYE,
    /** NACK / FIR / REMB feedback whose items do not fill the packet exactly. */
    MALFORMED_FEEDBACK,
    /** Transport-wide CC feedback with missing chunks or deltas, or a reserved status symbol. */
    MALFORMED_TWCC
}
