package dev.onair.transport.dtls;

/** Where a {@link DtlsEngine} is. Moves forward only: NEW → HANDSHAKING → CONNECTED → CLOSED, or to FAILED. */
public enum DtlsState {
    /** Created, {@link DtlsEngine#start()} not called yet. */
    NEW,
    /** The handshake runs on the executor. */
    HANDSHAKING,
    /** Handshake done, fingerprint verified, SRTP keys exported. */
    CONNECTED,
    /** Handshake failed, timed out, or the peer sent a fatal alert. Terminal. */
    FAILED,
    /** Closed by {@link DtlsEngine#close()} or by the peer's close_notify. Terminal. */
    CLOSED
}
