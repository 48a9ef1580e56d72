package dev.onair.protocol.sdp;

/**
 * The direction of an RTP stream identifier (RFC 8851 section 10).
 *
 * <pre>
 * rid-dir = "send" / "recv"
 * </pre>
 */
public enum RidDirection {
    SEND("send"),
    RECV("recv");

    private final String sdpName;

    RidDirection(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The value as written in SDP. */
    public String sdpName() {
        return sdpName;
    }

    /** The other direction, as an answer mirrors an offer. */
    public RidDirection reverse() {
        return this == SEND ? RECV : SEND;
    }

    /** The direction for an exact SDP value, or null. */
    public static RidDirection fromSdpName(String name) {
        return SEND.sdpName.equals(name) ? SEND : RECV.sdpName.equals(name) ? RECV : null;
    }
}
