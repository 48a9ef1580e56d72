package dev.onair.sfu;

import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.sfu.api.MediaError;
import dev.onair.sfu.negotiation.LocalParams;
import dev.onair.sfu.negotiation.NegotiatedSession;
import dev.onair.sfu.negotiation.NegotiationErrorCode;
import dev.onair.sfu.negotiation.NegotiationResult;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.peer.PeerTransport;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.peer.TransportRegistry;
import dev.onair.transport.udp.UdpEndpoint;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * What every session needs from the node: our ICE credentials and DTLS fingerprint for an answer, and a
 * registered {@link PeerTransport} for a negotiated offer. Also parses offers and maps negotiation errors to
 * {@link MediaError}s. Media loop only.
 */
final class SessionFactory {
    static final String CNAME = "onair";

    private final SfuConfig cfg;
    private final TransportRegistry registry;
    private final DtlsCertificate certificate;
    private final Executor dtlsExecutor;
    private final RandomGenerator rng;
    private UdpEndpoint udp;
    private List<InetSocketAddress> candidates = List.of();

    SessionFactory(SfuConfig cfg, TransportRegistry registry, DtlsCertificate certificate, Executor dtlsExecutor,
                   RandomGenerator rng) {
        this.cfg = cfg;
        this.registry = registry;
        this.certificate = certificate;
        this.dtlsExecutor = dtlsExecutor;
        this.rng = rng;
    }

    void attach(UdpEndpoint udp, List<InetSocketAddress> candidates) {
        this.udp = udp;
        this.candidates = List.copyOf(candidates);
    }

    RandomGenerator rng() {
        return rng;
    }

    /** A 64-bit random id in hex (session resource ids). */
    String newId() {
        return HexFormat.of().toHexDigits(rng.nextLong());
    }

    /** A 128-bit random secret in hex (resume keys). */
    String newSecret() {
        return HexFormat.of().toHexDigits(rng.nextLong()) + HexFormat.of().toHexDigits(rng.nextLong());
    }

    IceCredentials newIce() {
        return IceCredentials.random(rng);
    }

    LocalParams local(IceCredentials ice) {
        return new LocalParams(ice.ufrag(), ice.pwd(), "sha-256", certificate.fingerprintSha256(), candidates,
                Long.toString(rng.nextLong() & Long.MAX_VALUE), CNAME);
    }

    /** The parsed offer, or null with {@code error[0]} set. */
    static SessionDescription parse(String sdp, String[] error) {
        SdpParseResult parsed = SdpParser.parse(sdp);
        if (parsed.error() != null) {
            error[0] = "malformed SDP: " + parsed.error().message();
            return null;
        }
        return parsed.description();
    }

    static MediaError errorOf(NegotiationResult nr) {
        return nr.error().code() == NegotiationErrorCode.MALFORMED ? MediaError.MALFORMED_SDP
                : MediaError.UNSUPPORTED_SDP;
    }

    /** A new transport for a first offer, registered for STUN lookup. */
    PeerTransport transport(String resourceId, IceCredentials localIce, NegotiatedSession ns) {
        PeerTransport transport = new PeerTransport(new PeerTransportConfig(resourceId, localIce,
                new IceCredentials(ns.remoteIceUfrag(), ns.remoteIcePwd()), dtlsRole(ns.localRole()), certificate,
                new RemoteFingerprint(ns.remoteFingerprint().algorithm(), ns.remoteFingerprint().digest()),
                dtlsExecutor, cfg.srtpBackend(), cfg.clock(), cfg.consentTimeoutMillis()), udp, registry);
        registry.register(transport);
        return transport;
    }

    /** The fingerprint of a negotiated offer as one comparable string. */
    static String fingerprintOf(NegotiatedSession ns) {
        return ns.remoteFingerprint().algorithm() + " " + HexFormat.of().formatHex(ns.remoteFingerprint().digest());
    }

    private static DtlsRole dtlsRole(dev.onair.sfu.negotiation.DtlsRole role) {
        return role == dev.onair.sfu.negotiation.DtlsRole.SERVER ? DtlsRole.SERVER : DtlsRole.CLIENT;
    }
}
