package dev.onair.protocol.sdp;

/**
 * Media direction attributes (RFC 8866 sections 6.7.1-6.7.4), also used for {@code extmap} directions
 * (RFC 8285 section 7).
 *
 * <pre>
 * a=sendrecv | a=sendonly | a=recvonly | a=inactive
 * </pre>
 */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String sdpName;

    Direction(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The attribute name as written in SDP. */
    public String sdpName() {
        return sdpName;
    }

    /** The direction with send and receive swapped, as an answer mirrors an offer. */
    public Direction reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** True for {@code sendrecv} and {@code sendonly}. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** True for {@code sendrecv} and {@code recvonly}. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction for an exact SDP name, or null. */
    public static Direction fromSdpName(String name) {
        for (Direction d : values()) {
            if (d.sdpName.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
