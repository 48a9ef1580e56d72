package dev.onair.client;

/** A connection step of a {@link WebRtcPeer} failed or timed out (ICE, DTLS, or an unusable answer). */
public final class PeerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PeerException(String message) {
        super(message);
    }

    public PeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
