package dev.onair.protocol.stun;

/**
 * The class of a STUN message: the C1 and C0 bits of the message type (RFC 8489 §5). The ordinal equals the
 * two-bit value {@code C1C0}.
 */
public enum StunMessageClass {
    /** 0b00. */
    REQUEST,
    /** 0b01. */
    INDICATION,
    /** 0b10: success response. */
    SUCCESS,
    /** 0b11: error response. */
    ERROR;

    private static final StunMessageClass[] BY_BITS = values();

    /** The class for the two-bit value {@code C1C0} (only the two low bits are used). */
    static StunMessageClass fromBits(int c1c0) {
        return BY_BITS[c1c0 & 0x3];
    }
}
