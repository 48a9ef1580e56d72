package dev.onair.transport.srtp;

/**
 * Why an SRTP/SRTCP operation refused a packet. {@link SrtpSession} methods return {@link #code()} (always
 * negative) instead of a length; {@link #fromCode(int)} maps it back. Counted per session in
 * {@link SrtpSession#drops()}.
 */
public enum SrtpDrop {
    /** Shorter than a header plus the trailer the profile requires. */
    TOO_SHORT,
    /** The authentication tag (HMAC or GCM) did not verify; the buffer content is unspecified afterwards. */
    AUTH_FAILED,
    /** This packet index was already accepted (inside the replay window, RFC 3711 §3.3.2). */
    REPLAYED,
    /** The packet index is behind the replay window: it cannot be told apart from a replay, so it is refused. */
    TOO_OLD,
    /** A new SSRC arrived while {@link SrtpSession#MAX_SSRCS_PER_DIRECTION} streams are already tracked. */
    UNKNOWN_SSRC_LIMIT,
    /** Not a version-2 RTP/RTCP packet, or its header (CSRCs, extension) runs past the end. */
    MALFORMED,
    /** The buffer lacks the spare bytes after {@code len} that the tag and trailer need. */
    NO_SPACE,
    /** The cipher failed for a reason other than authentication (should not happen). */
    CRYPTO_ERROR;

    private static final SrtpDrop[] VALUES = values();

    /** The negative return code for this reason: {@code -(1 + ordinal())}. */
    public int code() {
        return -(1 + ordinal());
    }

    /** The reason for a negative return code, or null if {@code code} is not one (e.g. a length). */
    public static SrtpDrop fromCode(int code) {
        int index = -code - 1;
        return index >= 0 && index < VALUES.length ? VALUES[index] : null;
    }
}
