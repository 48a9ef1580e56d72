package dev.onair.transport.peer;

import dev.onair.protocol.DropCounts;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsEngine;
import dev.onair.transport.dtls.DtlsListener;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.shape.DatagramShaper;
import dev.onair.transport.shape.DelayLine;
import dev.onair.transport.shape.ShapeDirection;
import dev.onair.transport.shape.ShapeDrop;
import dev.onair.transport.shape.ShaperCounters;
import dev.onair.transport.shape.ShapingStage;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.ice.IceEvent;
import dev.onair.transport.ice.IceLiteAgent;
import dev.onair.transport.ice.IceReply;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpDrop;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpSession;
import dev.onair.transport.udp.UdpEndpoint;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's WebRTC transport over the shared UDP socket: an ICE-lite agent, a DTLS engine and, once DTLS
 * has exported keys, an SRTP session. Lives on the media loop: every method except the DTLS callbacks runs
 * there, so it needs no locks; DTLS callbacks (handshake thread) hop onto the loop.
 *
 * <p>ICE restart ({@link #restartIce}) changes only the ICE credentials and, once the peer nominates again, the
 * path: DTLS and SRTP carry on with the same keys, so media from the newly selected address decrypts as before.
 */
public final class PeerTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PeerTransport.class);

    /** What the transport tells its owner, always on the media loop. */
    public interface Listener {
        void onConnected();

        /** A decrypted RTP packet; the buffer is scratch, valid only during the call. */
        void onRtp(byte[] buf, int off, int len, long arrivalNanos);

        /** A decrypted RTCP compound packet; the buffer is scratch, valid only during the call. */
        void onRtcp(byte[] buf, int off, int len, long arrivalNanos);

        void onClosed(String reason);
    }

    public enum State { NEW, ICE_CONNECTED, CONNECTED, CLOSED }

    /** Bounds of each direction's delay line: datagrams held and bytes held. */
    public static final int SHAPER_MAX_DELAYED_DATAGRAMS = 1024;
    public static final int SHAPER_MAX_DELAYED_BYTES = 1024 * 1024;
    /** A delay-line wake-up is armed at most once per this interval (delayed datagrams may leave this late). */
    public static final long SHAPER_TIMER_SPACING_NANOS = 1_000_000L;
    private static final PacketKind[] KINDS = PacketKind.values();

    private final String id;
    private final IceLiteAgent ice;
    private final DtlsEngine dtls;
    private final DtlsRole dtlsRole;
    private final UdpEndpoint udp;
    private final Executor loop;
    private final SrtpBackend srtpBackend;
    private final TransportRegistry registry;
    private final DropCounts<TransportDrop> drops = new DropCounts<>(TransportDrop.class);
    private final EarlySrtpBuffer early = new EarlySrtpBuffer();
    private final MediaClock clock;
    /** Null when inbound/outbound shaping is off: then each datagram pays one null check. */
    private ShapingStage inboundShaping;
    private ShapingStage outboundShaping;
    private Listener listener;
    /** Null when nothing records this transport: then each datagram pays one null check. */
    private DatagramObserver observer;
    private SrtpSession srtp;
    private InetSocketAddress remote;
    private State state = State.NEW;
    private boolean dtlsStarted;
    /** The peer has sent DTLS: SRTP from now until our keys are ready is held, not dropped. */
    private boolean peerSpokeDtls;
    /** An ICE restart waits for the peer's nomination; then addresses not checked again are forgotten. */
    private boolean iceRestartPending;
    private long packetsIn;
    private long packetsOut;
    private long bytesIn;
    private long bytesOut;

    public PeerTransport(PeerTransportConfig cfg, UdpEndpoint udp, TransportRegistry registry) {
        this.id = cfg.id();
        this.udp = udp;
        this.loop = udp.loop();
        this.registry = registry;
        this.dtlsRole = cfg.dtlsRole();
        this.srtpBackend = cfg.srtpBackend();
        this.clock = cfg.clock();
        this.ice = new IceLiteAgent(cfg.localIce(), cfg.remoteIce(), cfg.clock(), cfg.consentTimeoutMillis());
        this.dtls = new DtlsEngine(cfg.dtlsRole(), cfg.certificate(), cfg.remoteFingerprint(),
                new DtlsCallbacks(), cfg.dtlsExecutor());
    }

    public String id() {
        return id;
    }


    public String localUfrag() {
        return ice.localCredentials().ufrag();
    }

    /** The current local ICE credentials (the newest after {@link #restartIce}). */
    public IceCredentials localIce() {
        return ice.localCredentials();
    }

    /** The current remote ICE credentials (the newest after {@link #restartIce}). */
    public IceCredentials remoteIce() {
        return ice.remoteCredentials();
    }

    /**
     * ICE restart (RFC 8445 §2.4, RFC 8839 §4.4.1.1.1): the peer offered new credentials, we answer with
     * {@code newLocal}. From now on STUN naming {@code newLocal.ufrag} finds this transport and the old ufrag
     * no longer does; checks under the old credentials are refused. The current path keeps carrying media until
     * the peer nominates a pair under the new credentials; then media goes to that address and the registry
     * forgets the addresses that were not checked again. DTLS and SRTP are untouched (same keys, no handshake);
     * consent keeps its clock. Media loop only; a no-op once closed.
     *
     * @throws IllegalArgumentException if another transport already uses {@code newLocal.ufrag()}; nothing changes
     */
    public void restartIce(IceCredentials newLocal, IceCredentials newRemote) {
        Objects.requireNonNull(newLocal, "newLocal");
        Objects.requireNonNull(newRemote, "newRemote");
        if (state == State.CLOSED) {
            return;
        }
        String oldUfrag = localUfrag();
        registry.rekey(this, oldUfrag, newLocal.ufrag());
        ice.restart(newLocal, newRemote);
        iceRestartPending = true;
        LOG.info("transport {} ICE restart: local ufrag {} -> {}", id, oldUfrag, newLocal.ufrag());
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /**
     * Sets (or, with null, removes) the observer of every datagram at the socket edge (the flight recorder).
     * Media loop only.
     */
    public void setObserver(DatagramObserver observer) {
        this.observer = observer;
    }

    public State state() {
        return state;
    }

    public DropCounts<TransportDrop> drops() {
        return drops;
    }

    public long packetsIn() {
        return packetsIn;
    }

    public long packetsOut() {
        return packetsOut;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /**
     * Sets (or, with null, turns off) the shaping of each direction: {@code inbound} sees every datagram the
     * demultiplexer routed here before STUN/DTLS/SRTP handling, {@code outbound} every datagram after SRTP
     * protection, at the UDP send. A replaced stage delivers the datagrams it still holds at once. Media loop only;
     * a no-op once closed.
     */
    public void setShapers(DatagramShaper inbound, DatagramShaper outbound) {
        if (state == State.CLOSED) {
            return;
        }
        inboundShaping = replace(inboundShaping, inbound, this::deliverInbound);
        outboundShaping = replace(outboundShaping, outbound, this::deliverOutbound);
        DatagramObserver o = observer;
        if (o != null) {
            o.onShapingChanged(clock.nanoTime(), inbound != null, outbound != null);
        }
    }

    private ShapingStage replace(ShapingStage old, DatagramShaper shaper, DelayLine.Sink sink) {
        if (old != null) {
            if (old.shaper() == shaper) {
                return old;
            }
            old.flush();
            old.close();
            udp.flush();
        }
        if (shaper == null) {
            return null;
        }
        ShapingStage[] self = new ShapingStage[1];
        self[0] = new ShapingStage(shaper,
                new DelayLine(SHAPER_MAX_DELAYED_DATAGRAMS, SHAPER_MAX_DELAYED_BYTES, UdpEndpoint.MAX_DATAGRAM_BYTES),
                sink, deadline -> armShaperTimer(self[0], deadline), SHAPER_TIMER_SPACING_NANOS);
        return self[0];
    }

    private void armShaperTimer(ShapingStage stage, long deadlineNanos) {
        long delayNanos = Math.max(0, deadlineNanos - clock.nanoTime());
        udp.loop().schedule(() -> {
            stage.onTimer(clock.nanoTime());
            udp.flush();
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The current shaping counters of one direction, or null when that direction is not shaped. Both directions
     * tag datagrams with their {@link PacketKind#ordinal()}: {@code counters.datagrams(PacketKind.RTP.ordinal())}.
     */
    public ShaperCounters shaperCounters(ShapeDirection direction) {
        ShapingStage s = direction == ShapeDirection.INBOUND ? inboundShaping : outboundShaping;
        return s == null ? null : s.counters();
    }

    /** The demultiplexer's entry point: through the inbound shaper when one is set, else straight in. */
    void receive(PacketKind kind, byte[] buf, int len, InetSocketAddress from, long arrivalNanos) {
        ShapingStage shaping = inboundShaping;
        DatagramObserver o = observer;
        int handle = o == null ? -1 : o.onDatagram(arrivalNanos, false, kind, buf, 0, len);
        if (shaping == null) {
            dispatch(kind, buf, len, from, arrivalNanos);
        } else {
            ShapeDrop drop = shaping.offer(buf, 0, len, from, kind.ordinal(), arrivalNanos);
            if (drop != null && o != null) {
                o.onShapeDrop(handle, drop);
            }
        }
    }

    private void dispatch(PacketKind kind, byte[] buf, int len, InetSocketAddress from, long arrivalNanos) {
        switch (kind) {
            case STUN -> onStun(buf, len, from);
            case DTLS -> onDtls(buf, len, from);
            case RTP -> onSrtp(buf, len, false, arrivalNanos);
            case RTCP -> onSrtp(buf, len, true, arrivalNanos);
            default -> drops.increment(TransportDrop.UNCLASSIFIED);
        }
    }

    /** A datagram leaving the inbound shaper (possibly from the delay line, at its delivery time). */
    private void deliverInbound(byte[] buf, int off, int len, InetSocketAddress from, int tag, long dueNanos) {
        if (state == State.CLOSED) {
            return;
        }
        PacketKind kind = KINDS[tag & ~ShapingStage.DUPLICATE_FLAG];
        try {
            dispatch(kind, buf, len, from, dueNanos);
        } catch (RuntimeException e) {
            MediaDemux.fail(this, e);
        }
    }

    /** A datagram leaving the outbound shaper: to the socket (the delay line's timer flushes). */
    private void deliverOutbound(byte[] buf, int off, int len, InetSocketAddress to, int tag, long dueNanos) {
        if (!udp.send(buf, off, len, to)) {
            drops.increment(TransportDrop.SEND_UNWRITABLE);
        }
    }

    /**
     * Every datagram this transport sends goes through here: the observer, then the outbound shaper when one is set,
     * tagged with its {@code kind} so the shaper counts RTP apart from RTCP, STUN and DTLS.
     */
    private boolean transmit(PacketKind kind, byte[] buf, int off, int len, InetSocketAddress to) {
        ShapingStage shaping = outboundShaping;
        DatagramObserver o = observer;
        if (shaping == null) {
            if (o != null) {
                o.onDatagram(clock.nanoTime(), true, kind, buf, off, len);
            }
            return udp.send(buf, off, len, to);
        }
        long now = clock.nanoTime();
        int handle = o == null ? -1 : o.onDatagram(now, true, kind, buf, off, len);
        ShapeDrop drop = shaping.offer(buf, off, len, to, kind.ordinal(), now);
        if (drop != null && o != null) {
            o.onShapeDrop(handle, drop);
        }
        return true;
    }

    void onStun(byte[] buf, int len, InetSocketAddress from) {
        if (state == State.CLOSED) {
            return;
        }
        IceReply reply = ice.onBindingRequest(buf, 0, len, from);
        if (reply.response() != null) {
            transmit(PacketKind.STUN, reply.response(), 0, reply.response().length, from);
        }
        if (reply.drop() != null) {
            drops.increment(TransportDrop.ICE_REJECTED);
            return;
        }
        if (reply.event() == IceEvent.PAIR_VALIDATED || reply.event() == IceEvent.PAIR_SELECTED) {
            registry.registerAddress(from, this);
            if (remote == null || reply.event() == IceEvent.PAIR_SELECTED) {
                remote = reply.event() == IceEvent.PAIR_SELECTED ? reply.selected() : from;
            }
            if (iceRestartPending && reply.event() == IceEvent.PAIR_SELECTED) {
                iceRestartPending = false;
                int stale = registry.retainAddresses(this, ice::isValidated);
                LOG.info("transport {} ICE restart complete: selected {}, {} stale address(es) dropped", id,
                        remote, stale);
            }
            if (state == State.NEW) {
                state = State.ICE_CONNECTED;
                LOG.info("transport {} ICE connected from {}", id, from);
            }
            startDtlsOnce();
        }
    }

    private void startDtlsOnce() {
        if (!dtlsStarted) {
            dtlsStarted = true;
            dtls.start();
        }
    }

    void onDtls(byte[] buf, int len, InetSocketAddress from) {
        if (state == State.CLOSED) {
            return;
        }
        startDtlsOnce();
        peerSpokeDtls = true;
        dtls.onDatagram(buf, 0, len);
    }

    void onSrtp(byte[] buf, int len, boolean rtcp, long arrivalNanos) {
        if (state != State.CONNECTED) {
            if (!(peerSpokeDtls && state == State.ICE_CONNECTED && early.offer(buf, len, rtcp, arrivalNanos))) {
                drops.increment(TransportDrop.NOT_CONNECTED);
            }
            return;
        }
        int plain = rtcp ? srtp.unprotectRtcp(buf, 0, len) : srtp.unprotectRtp(buf, 0, len);
        if (plain < 0) {
            drops.increment(mapSrtpDrop(SrtpDrop.fromCode(plain)));
            return;
        }
        packetsIn++;
        bytesIn += len;
        if (rtcp) {
            listener.onRtcp(buf, 0, plain, arrivalNanos);
        } else {
            listener.onRtp(buf, 0, plain, arrivalNanos);
        }
    }

    private static TransportDrop mapSrtpDrop(SrtpDrop d) {
        if (d == SrtpDrop.AUTH_FAILED) {
            return TransportDrop.SRTP_AUTH_FAILED;
        }
        if (d == SrtpDrop.REPLAYED || d == SrtpDrop.TOO_OLD) {
            return TransportDrop.SRTP_REPLAYED;
        }
        return TransportDrop.SRTP_MALFORMED;
    }

    /**
     * Protects an RTP packet in place and sends it. {@code buf} must have {@link SrtpSession#MAX_OVERHEAD}
     * spare bytes after the packet.
     */
    public boolean sendRtp(byte[] buf, int off, int len) {
        return send(buf, off, len, false);
    }

    /** Protects an RTCP compound packet in place and sends it (same spare-room rule as RTP). */
    public boolean sendRtcp(byte[] buf, int off, int len) {
        return send(buf, off, len, true);
    }

    private boolean send(byte[] buf, int off, int len, boolean rtcp) {
        if (state != State.CONNECTED || remote == null) {
            return false;
        }
        int protectedLen = rtcp ? srtp.protectRtcp(buf, off, len) : srtp.protectRtp(buf, off, len);
        if (protectedLen < 0) {
            drops.increment(TransportDrop.SRTP_MALFORMED);
            return false;
        }
        if (!transmit(rtcp ? PacketKind.RTCP : PacketKind.RTP, buf, off, protectedLen, remote)) {
            drops.increment(TransportDrop.SEND_UNWRITABLE);
            return false;
        }
        packetsOut++;
        bytesOut += protectedLen;
        return true;
    }

    public boolean isWritable() {
        return udp.isWritable();
    }

    /** Tears the transport down when the peer has been silent past the consent timeout (RFC 7675). */
    public boolean checkConsent() {
        if (state != State.CLOSED && ice.consentExpired()) {
            close("consent expired (no valid STUN check in time)");
            return true;
        }
        return false;
    }

    public void close(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (inboundShaping != null) {
            inboundShaping.close();
        }
        if (outboundShaping != null) {
            outboundShaping.close();
        }
        dtls.close();
        registry.unregister(this);
        LOG.info("transport {} closed: {}", id, reason);
        if (listener != null) {
            listener.onClosed(reason);
        }
    }

    private final class DtlsCallbacks implements DtlsListener {
        @Override
        public void sendDatagram(byte[] datagram) {
            loop.execute(() -> {
                InetSocketAddress to = remote;
                if (to != null && state != State.CLOSED) {
                    transmit(PacketKind.DTLS, datagram, 0, datagram.length, to);
                    udp.flush();
                }
            });
        }

        @Override
        public void onConnected(SrtpKeyMaterial keys) {
            loop.execute(() -> {
                if (state == State.CLOSED) {
                    return;
                }
                srtp = SrtpSession.create(keys, dtlsRole, srtpBackend);
                state = State.CONNECTED;
                LOG.info("transport {} DTLS connected ({} as {})", id, keys.profile(), dtlsRole);
                listener.onConnected();
                early.replay(PeerTransport.this::onSrtp);
            });
        }

        @Override
        public void onFailed(String reason) {
            loop.execute(() -> close("DTLS failed: " + reason));
        }

        @Override
        public void onClosed() {
            loop.execute(() -> close("DTLS close_notify"));
        }
    }
}
