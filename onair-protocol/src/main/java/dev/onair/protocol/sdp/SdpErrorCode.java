package dev.onair.protocol.sdp;

/**
 * Why {@link SdpParser} rejected a description; usable as a drop reason with
 * {@link dev.onair.protocol.DropCounts}. RFC 8866 section 5 defines the structure these check.
 */
public enum SdpErrorCode {
    /** The input was null or had no non-empty line. */
    EMPTY,
    /** More than {@link SdpParser#MAX_SDP_CHARS} characters. */
    TOO_LARGE,
    /** A line longer than {@link SdpParser#MAX_LINE_CHARS} characters. */
    LINE_TOO_LONG,
    /** More than {@link SdpParser#MAX_MEDIA_SECTIONS} m-lines. */
    TOO_MANY_MEDIA,
    /** The first line is not {@code v=}. */
    MISSING_VERSION,
    /** {@code v=} is not 0. */
    BAD_VERSION,
    /** A line that is not {@code <a-z>=<value>}. */
    MALFORMED_LINE,
    /** No {@code o=} line. */
    MISSING_ORIGIN,
    /** An {@code o=} line without its six fields. */
    BAD_ORIGIN,
    /** An {@code m=} line with a bad media, port, proto or no format. */
    BAD_MEDIA_LINE
}
