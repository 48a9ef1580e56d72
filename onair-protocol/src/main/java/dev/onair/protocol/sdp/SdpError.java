package dev.onair.protocol.sdp;

/**
 * A parse failure: a code to count and branch on, and a one-line message naming the line (RFC 8866
 * section 5 structure).
 *
 * <pre>
 * SdpError[code=BAD_MEDIA_LINE, message=line 8: bad port in m-line]
 * </pre>
 */
public record SdpError(SdpErrorCode code, String message) {
}
