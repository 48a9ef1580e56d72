package dev.onair.protocol.sdp;

/**
 * The DTLS/TCP connection setup role (RFC 4145 section 4, used for DTLS by RFC 8842 section 5).
 *
 * <pre>
 * a=setup:&lt;active | passive | actpass | holdconn&gt;
 * </pre>
 */
public enum SetupRole {
    ACTIVE("active"),
    PASSIVE("passive"),
    ACTPASS("actpass"),
    HOLDCONN("holdconn");

    private final String sdpName;

    SetupRole(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The value as written in SDP. */
    public String sdpName() {
        return sdpName;
    }

    /** The role for an exact SDP value, or null. */
    public static SetupRole fromSdpName(String name) {
        for (SetupRole r : values()) {
            if (r.sdpName.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
