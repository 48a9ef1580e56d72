package dev.onair.client;

/** The video codec a peer offers (one per offer) and packetizes. */
public enum VideoCodec {
    /** VP8/90000 (RFC 7741). */
    VP8("VP8", null),
    /** H264/90000 (RFC 6184), constrained baseline 3.1, non-interleaved mode. */
    H264("H264", "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1");

    private final String encodingName;
    private final String fmtp;

    VideoCodec(String encodingName, String fmtp) {
        this.encodingName = encodingName;
        this.fmtp = fmtp;
    }

    /** The {@code a=rtpmap} encoding name. */
    public String encodingName() {
        return encodingName;
    }

    /** The {@code a=fmtp} parameters, or null when the codec needs none. */
    public String fmtp() {
        return fmtp;
    }
}
