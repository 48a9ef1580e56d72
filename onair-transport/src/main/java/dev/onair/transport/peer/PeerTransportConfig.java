package dev.onair.transport.peer;

import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.srtp.SrtpBackend;
import java.util.concurrent.Executor;

/** Everything a {@link PeerTransport} needs from negotiation and from the node. */
public record PeerTransportConfig(String id, IceCredentials localIce, IceCredentials remoteIce, DtlsRole dtlsRole,
                                  DtlsCertificate certificate, RemoteFingerprint remoteFingerprint,
                                  Executor dtlsExecutor, SrtpBackend srtpBackend, MediaClock clock,
                                  long consentTimeoutMillis) {
    /** RFC 7675 §5.1: consent expires 30 s after the last valid check. */
    public static final long DEFAULT_CONSENT_TIMEOUT_MILLIS = 30_000L;
}
