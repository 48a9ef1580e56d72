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
                                  Executor dtlsExecutor, SrtpBackend srtpBackend, MediaClock clock) {
}
