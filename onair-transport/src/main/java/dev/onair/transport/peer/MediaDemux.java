package dev.onair.transport.peer;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.transport.demux.PacketClassifier;
import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.udp.DatagramHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 7983 demultiplexer for the shared media port: classifies each datagram by its first byte and hands it
 * to the transport found by 5-tuple, or, for STUN from an unknown address, by the local ufrag in USERNAME.
 * Everything it cannot place is dropped and counted by reason; nothing here throws on wire input.
 */
public final class MediaDemux implements DatagramHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MediaDemux.class);
    private final TransportRegistry registry;
    private final Runnable onBatchComplete;
    private final StunMessage stun = new StunMessage();
    private final DropCounts<TransportDrop> drops = new DropCounts<>(TransportDrop.class);

    public MediaDemux(TransportRegistry registry, Runnable onBatchComplete) {
        this.registry = registry;
        this.onBatchComplete = onBatchComplete;
    }

    public DropCounts<TransportDrop> drops() {
        return drops;
    }

    @Override
    public void onDatagram(byte[] buf, int len, InetSocketAddress from, long arrivalNanos) {
        PacketKind kind = PacketClassifier.classify(buf, 0, len);
        switch (kind) {
            case STUN -> onStun(buf, len, from, arrivalNanos);
            case DTLS -> {
                PeerTransport t = registry.byAddress(from);
                if (t == null) {
                    drops.increment(TransportDrop.UNKNOWN_PEER);
                } else {
                    guarded(t, kind, buf, len, from, arrivalNanos);
                }
            }
            case RTP, RTCP -> {
                PeerTransport t = registry.byAddress(from);
                if (t == null) {
                    drops.increment(TransportDrop.UNKNOWN_PEER);
                } else {
                    guarded(t, kind, buf, len, from, arrivalNanos);
                }
            }
            default -> drops.increment(TransportDrop.UNCLASSIFIED);
        }
    }

    /**
     * A check is routed by the local ufrag in its USERNAME first, then by its source address (a check without
     * a known ufrag, e.g. old credentials after an ICE restart, still reaches the peer that owns the path and
     * gets its 401). Ufrag first matters when a new peer's socket reuses the address of an older transport the
     * server still holds (a participant inside its resume window): by address alone the new peer's checks
     * would go to the old transport and never connect.
     */
    private void onStun(byte[] buf, int len, InetSocketAddress from, long arrivalNanos) {
        String localUfrag = localUfragOf(buf, len);
        PeerTransport t = localUfrag == null ? null : registry.byUfrag(localUfrag);
        if (t == null) {
            t = registry.byAddress(from);
        }
        if (t == null) {
            drops.increment(TransportDrop.UNKNOWN_UFRAG);
            return;
        }
        guarded(t, PacketKind.STUN, buf, len, from, arrivalNanos);
    }

    /** Into the transport (through its inbound shaper, when one is set); a bug closes only that transport. */
    private static void guarded(PeerTransport t, PacketKind kind, byte[] buf, int len, InetSocketAddress from,
                                long arrivalNanos) {
        try {
            t.receive(kind, buf, len, from, arrivalNanos);
        } catch (RuntimeException e) {
            fail(t, e);
        }
    }

    /** A bug hit by one peer's packet closes that peer's transport, never the socket or anyone else. */
    static void fail(PeerTransport t, RuntimeException e) {
        LOG.warn("transport {} failed on a packet; closing it", t.id(), e);
        t.close("internal error: " + e);
    }

    /** USERNAME is "localUfrag:remoteUfrag" in a check sent to us (RFC 8445 §7.2.2). */
    private String localUfragOf(byte[] buf, int len) {
        if (!stun.parse(buf, 0, len)) {
            return null;
        }
        String username = stun.username();
        if (username == null) {
            return null;
        }
        int colon = username.indexOf(':');
        return colon <= 0 ? null : username.substring(0, colon);
    }

    @Override
    public void onReadBatchComplete() {
        onBatchComplete.run();
    }
}
