package dev.onair.protocol.stun;

/** Why {@link StunMessage#parse(byte[], int, int)} rejected its input. Counted with {@code DropCounts}. */
public enum StunDrop {
    /** {@code off}/{@code len} do not describe a range inside the buffer (or the buffer is null). */
    BAD_BUFFER_RANGE,
    /** Fewer than the 20 bytes of a STUN header. */
    TOO_SHORT,
    /** The two top bits are not zero or the magic cookie is not 0x2112A442 (RFC 8489 §5). */
    NOT_STUN,
    /** The header's message length is not a multiple of 4 or does not match the datagram length. */
    BAD_LENGTH,
    /** An attribute header or value (with padding) runs past the message end, or a fixed-size attribute has the
     * wrong length. */
    BAD_ATTRIBUTE_LENGTH,
    /** A variable-size attribute is longer than its RFC maximum (e.g. USERNAME over 513 bytes). */
    ATTRIBUTE_TOO_LONG,
    /** A known attribute has an impossible value (e.g. unknown address family, error class outside 3..6). */
    BAD_ATTRIBUTE_VALUE,
    /** An attribute follows FINGERPRINT, which must be last (RFC 8489 §14.7). */
    FINGERPRINT_NOT_LAST,
    /** More attributes than {@link StunMessage#MAX_ATTRIBUTES}. */
    TOO_MANY_ATTRIBUTES
}
