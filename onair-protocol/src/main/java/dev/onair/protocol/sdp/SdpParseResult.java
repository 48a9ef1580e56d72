package dev.onair.protocol.sdp;

/**
 * The outcome of {@link SdpParser#parse(String)}: exactly one of the two components is non-null.
 *
 * <pre>
 * ok:    (description, null)
 * error: (null, SdpError(code, message))
 * </pre>
 */
public record SdpParseResult(SessionDescription description, SdpError error) {

    static SdpParseResult ok(SessionDescription d) {
        return new SdpParseResult(d, null);
    }

    static SdpParseResult fail(SdpErrorCode code, String message) {
        return new SdpParseResult(null, new SdpError(code, message));
    }

    /** True when the description parsed. */
    public boolean isOk() {
        return description != null;
    }
}
