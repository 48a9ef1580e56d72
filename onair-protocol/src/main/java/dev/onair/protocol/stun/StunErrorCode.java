package dev.onair.protocol.stun;

/**
 * STUN error codes used by ICE (RFC 8489 §14.8, RFC 8445 §16.1) and their reason phrases
 * (401 keeps the RFC 5389 phrase "Unauthorized", which RFC 8489 renamed "Unauthenticated").
 * The ERROR-CODE attribute splits a code into a class (hundreds, 3..6) and a number (0..99).
 */
public final class StunErrorCode {
    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int STALE_NONCE = 438;
    public static final int ROLE_CONFLICT = 487;
    public static final int SERVER_ERROR = 500;

    private StunErrorCode() {
    }

    /** The reason phrase we send with {@code code}; "Error" for codes without a registered phrase. */
    public static String reason(int code) {
        return switch (code) {
            case TRY_ALTERNATE -> "Try Alternate";
            case BAD_REQUEST -> "Bad Request";
            case UNAUTHORIZED -> "Unauthorized";
            case UNKNOWN_ATTRIBUTE -> "Unknown Attribute";
            case STALE_NONCE -> "Stale Nonce";
            case ROLE_CONFLICT -> "Role Conflict";
            case SERVER_ERROR -> "Server Error";
            default -> "Error";
        };
    }
}
