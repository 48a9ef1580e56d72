package dev.onair.sfu.session;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.rtcp.FirEntry;
import dev.onair.protocol.rtcp.FullIntraRequest;
import dev.onair.protocol.rtcp.PictureLossIndication;
import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.protocol.rtcp.ReportBlock;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.rtcp.SdesChunk;
import dev.onair.protocol.rtcp.SdesItem;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtcp.SourceDescription;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.track.RtpRewriter;
import dev.onair.sfu.track.SubscriberOutput;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.transport.peer.PeerTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscriber: one sendonly m-line per {@link SubscriberTrack}, one bounded {@link SubscriberQueue} for all
 * of them, drained (encrypted and sent) at the end of each read batch. Handles the subscriber's RTCP (RR for
 * RTT, PLI/FIR forwarded to the source) and sends our SRs. Media loop only.
 */
public final class SubscriberSession implements MediaSession, PeerTransport.Listener, SubscriberOutput {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberSession.class);

    private final String resourceId;
    private final String room;
    private final String identity;
    private final PeerTransport transport;
    private final SessionContext ctx;
    private final List<SubscriberTrack> tracks = new ArrayList<>();
    private final SubscriberQueue queue;
    private final DropCounts<SessionDrop> drops = new DropCounts<>(SessionDrop.class);
    private final DropCounts<RtcpKind> rtcpReceived = new DropCounts<>(RtcpKind.class);
    private boolean dirty;
    private boolean connected;
    private boolean closed;

    public SubscriberSession(String resourceId, String room, String identity, PeerTransport transport,
                             List<TrackSetup> setups, int queueCapacity, RandomGenerator rng, SessionContext ctx) {
        this.resourceId = resourceId;
        this.room = room;
        this.identity = identity;
        this.transport = transport;
        this.ctx = ctx;
        this.queue = new SubscriberQueue(queueCapacity);
        for (TrackSetup s : setups) {
            int clockRate = s.codecs().isEmpty() ? 90_000 : s.codecs().get(0).clockRateHz();
            RtpRewriter rewriter = new RtpRewriter(s.localSsrc(), rng.nextInt(1 << 15), rng.nextLong() & 0xFFFFFFFFL,
                    clockRate);
            tracks.add(new SubscriberTrack(s.mid(), s.kind(), s.codecs(), s.extensionIdsByUri(), this, rewriter));
        }
        transport.setListener(this);
    }

    @Override
    public String resourceId() {
        return resourceId;
    }

    @Override
    public String room() {
        return room;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public PeerTransport transport() {
        return transport;
    }

    public List<SubscriberTrack> tracks() {
        return tracks;
    }

    /** True once DTLS is up: only then are tracks bound, so the first keyframe is not lost. */
    public boolean isConnected() {
        return connected && !closed;
    }

    @Override
    public SubscriberQueue queue() {
        return queue;
    }

    public DropCounts<SessionDrop> drops() {
        return drops;
    }

    public DropCounts<RtcpKind> rtcpReceived() {
        return rtcpReceived;
    }

    @Override
    public void onEnqueued() {
        if (!dirty) {
            dirty = true;
            ctx.owner().onSubscriberDirty(this);
        }
    }

    /**
     * Encrypts and sends up to {@code budget} queued packets. Returns true if packets remain (the socket
     * was not writable or the budget ran out), so the caller keeps this session on its dirty list.
     */
    public boolean drain(int budget) {
        int n = 0;
        while (!queue.isEmpty() && n < budget) {
            if (!transport.isWritable()) {
                return true;
            }
            SubscriberTrack owner = (SubscriberTrack) queue.headOwner();
            if (transport.sendRtp(queue.headData(), 0, queue.headLength())) {
                owner.onSent(queue.headPayloadLength());
            }
            queue.pop();
            n++;
        }
        dirty = !queue.isEmpty();
        return dirty;
    }

    @Override
    public void onConnected() {
        connected = true;
        ctx.owner().onSessionConnected(this);
    }

    @Override
    public void onRtp(byte[] buf, int off, int len, long arrivalNanos) {
        drops.increment(SessionDrop.UNEXPECTED_RTP);
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len, long arrivalNanos) {
        RtcpParseResult r = RtcpParser.parse(buf, off, len);
        if (r.drop() != null) {
            drops.increment(SessionDrop.RTCP_MALFORMED);
        }
        for (RtcpPacket pkt : r.packets()) {
            rtcpReceived.increment(RtcpKind.of(pkt));
            if (pkt instanceof ReceiverReport rr) {
                onReportBlocks(rr.reports(), arrivalNanos);
            } else if (pkt instanceof SenderReport sr) {
                onReportBlocks(sr.reports(), arrivalNanos);
            } else if (pkt instanceof PictureLossIndication pli) {
                SubscriberTrack t = trackBySsrc(pli.mediaSsrc());
                if (t != null) {
                    t.onKeyframeRequest(arrivalNanos);
                }
            } else if (pkt instanceof FullIntraRequest fir) {
                for (FirEntry e : fir.entries()) {
                    SubscriberTrack t = trackBySsrc(e.ssrc());
                    if (t != null) {
                        t.onKeyframeRequest(arrivalNanos);
                    }
                }
            }
            // NACK, REMB and TWCC are counted; retransmission and bandwidth estimation come with TODO(#5).
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks, long nowNanos) {
        for (ReportBlock b : blocks) {
            SubscriberTrack t = trackBySsrc(b.ssrc());
            if (t != null) {
                t.onReceiverReport(b.lastSr(), b.delaySinceLastSr(), nowNanos);
            }
        }
    }

    private SubscriberTrack trackBySsrc(long ssrc) {
        for (SubscriberTrack t : tracks) {
            if (t.localSsrc() == ssrc) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void onClosed(String reason) {
        close(reason);
    }

    @Override
    public void tick(long nowNanos) {
        if (closed || transport.checkConsent() || !isConnected()) {
            return;
        }
        byte[] out = ctx.rtcpScratch();
        for (SubscriberTrack t : tracks) {
            SenderReport sr = t.senderReport(nowNanos);
            if (sr != null) {
                int len = RtcpWriter.writeCompound(List.of(sr, new SourceDescription(List.of(new SdesChunk(
                        t.localSsrc(), List.of(new SdesItem(SdesItem.CNAME, ctx.cname())))))), out, 0);
                if (len > 0) {
                    transport.sendRtcp(out, 0, len);
                }
            }
        }
    }

    @Override
    public void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        transport.close(reason);
        for (SubscriberTrack t : tracks) {
            t.bind(null, 0);
        }
        queue.clear();
        LOG.info("subscribe ended room={} identity={} resource={} reason=\"{}\" packetsOut={} queueDrops={}", room,
                identity, resourceId, reason, transport.packetsOut(), queue.dropped());
        ctx.owner().onSessionClosed(this, reason);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public MediaStatus.SessionInfo info() {
        String state = closed ? "closed" : transport.state().name().toLowerCase(Locale.ROOT);
        return new MediaStatus.SessionInfo(resourceId, room, identity, "subscribe", state, transport.packetsIn(),
                transport.packetsOut(), MediaStatus.dropNames("session", drops,
                MediaStatus.dropNames("transport", transport.drops(), null)));
    }
}
