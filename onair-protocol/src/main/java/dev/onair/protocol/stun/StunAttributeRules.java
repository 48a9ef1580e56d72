package dev.onair.protocol.stun;

/**
 * Per-type value checks applied while parsing (RFC 8489 §14, RFC 8445 §16.1): fixed sizes, maximum sizes and
 * impossible values. Unknown types are not checked here.
 */
final class StunAttributeRules {
    private StunAttributeRules() {
    }

    /** Null if the value of {@code type} at {@code buf[valueOff]} with {@code length} bytes is acceptable. */
    static StunDrop check(int type, byte[] buf, int valueOff, int length) {
        return switch (type) {
            case StunAttribute.PRIORITY, StunAttribute.FINGERPRINT -> exact(length, 4);
            case StunAttribute.ICE_CONTROLLED, StunAttribute.ICE_CONTROLLING -> exact(length, 8);
            case StunAttribute.USE_CANDIDATE -> exact(length, 0);
            case StunAttribute.MESSAGE_INTEGRITY -> exact(length, 20);
            case StunAttribute.USERNAME -> length > StunAttribute.MAX_USERNAME_BYTES
                    ? StunDrop.ATTRIBUTE_TOO_LONG : null;
            case StunAttribute.REALM, StunAttribute.NONCE, StunAttribute.SOFTWARE ->
                    length > StunAttribute.MAX_TEXT_BYTES ? StunDrop.ATTRIBUTE_TOO_LONG : null;
            case StunAttribute.UNKNOWN_ATTRIBUTES -> (length & 1) != 0 ? StunDrop.BAD_ATTRIBUTE_LENGTH : null;
            case StunAttribute.ERROR_CODE -> errorCode(buf, valueOff, length);
            case StunAttribute.XOR_MAPPED_ADDRESS, StunAttribute.MAPPED_ADDRESS,
                    StunAttribute.ALTERNATE_SERVER -> address(buf, valueOff, length);
            default -> null;
        };
    }

    private static StunDrop exact(int length, int expected) {
        return length == expected ? null : StunDrop.BAD_ATTRIBUTE_LENGTH;
    }

    private static StunDrop errorCode(byte[] buf, int v, int length) {
        if (length < 4) {
            return StunDrop.BAD_ATTRIBUTE_LENGTH;
        }
        if (length > 4 + StunAttribute.MAX_TEXT_BYTES) {
            return StunDrop.ATTRIBUTE_TOO_LONG;
        }
        int errorClass = buf[v + 2] & 0x07;
        int number = buf[v + 3] & 0xFF;
        return errorClass < 3 || errorClass > 6 || number > 99 ? StunDrop.BAD_ATTRIBUTE_VALUE : null;
    }

    /** Family 0x01 with 4 address bytes or 0x02 with 16 (RFC 8489 §14.1-14.2). */
    private static StunDrop address(byte[] buf, int v, int length) {
        if (length != 8 && length != 20) {
            return StunDrop.BAD_ATTRIBUTE_LENGTH;
        }
        int family = buf[v + 1] & 0xFF;
        boolean ok = (family == 0x01 && length == 8) || (family == 0x02 && length == 20);
        return ok ? null : StunDrop.BAD_ATTRIBUTE_VALUE;
    }
}
