package dev.onair.sfu.negotiation;

/** The kinds of RTP media the SFU negotiates. */
public enum MediaKind {
    AUDIO("audio"),
    VIDEO("video");

    private final String sdpName;

    MediaKind(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The {@code m=} media token. */
    public String sdpName() {
        return sdpName;
    }

    /** The kind for an {@code m=} media token, or null for anything else (e.g. {@code application}). */
    public static MediaKind fromSdpName(String name) {
        return AUDIO.sdpName.equals(name) ? AUDIO : VIDEO.sdpName.equals(name) ? VIDEO : null;
    }
}
