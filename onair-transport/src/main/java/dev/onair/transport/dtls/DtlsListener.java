package dev.onair.transport.dtls;

import dev.onair.transport.srtp.SrtpKeyMaterial;

/**
 * What a {@link DtlsEngine} tells its owner. <b>Threading:</b> every callback runs on the engine's executor
 * thread (the blocking BouncyCastle handshake, or a short drain task after it), never on the caller's media
 * loop; implementations must hop to their own loop (e.g. {@code eventLoop.execute(...)}) before touching
 * transport state, and must not block. {@link #onConnected}, {@link #onFailed} and {@link #onClosed} are each
 * called at most once, and at most one of {@code onFailed}/{@code onClosed} is called.
 */
public interface DtlsListener {

    /** One DTLS datagram to send to the peer over the transport's selected candidate pair; the array is ours to keep. */
    void sendDatagram(byte[] datagram);

    /** The handshake completed and the peer's certificate matched the expected fingerprint. */
    void onConnected(SrtpKeyMaterial keys);

    /** The handshake failed (e.g. {@code "fingerprint mismatch"}, {@code "handshake timeout"}, a peer alert). */
    void onFailed(String reason);

    /** The session ended cleanly: the peer's close_notify, or our {@link DtlsEngine#close()}. */
    void onClosed();
}
