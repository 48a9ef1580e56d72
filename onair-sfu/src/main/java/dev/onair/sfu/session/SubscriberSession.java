package dev.onair.sfu.session;

import dev.onair.protocol.rtcp.FirEntry;
import dev.onair.protocol.rtcp.FullIntraRequest;
import dev.onair.protocol.rtcp.GenericNack;
import dev.onair.protocol.rtcp.NackItem;
import dev.onair.protocol.rtcp.PictureLossIndication;
import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.protocol.rtcp.ReportBlock;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.SdesChunk;
import dev.onair.protocol.rtcp.SdesItem;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtcp.SourceDescription;
import dev.onair.protocol.rtcp.TransportCc;
import dev.onair.sfu.alloc.AllocatorConfig;
import dev.onair.sfu.alloc.BandwidthAllocator;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.bwe.BweConfig;
import dev.onair.sfu.bwe.ProbeCluster;
import dev.onair.sfu.bwe.SendSideEstimator;
import dev.onair.sfu.congestion.SubscriberBandwidth;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.negotiation.NegotiatedExtension;
import dev.onair.sfu.pacer.PacedDrain;
import dev.onair.sfu.pacer.Pacer;
import dev.onair.sfu.pacer.PacerConfig;
import dev.onair.sfu.pacer.PaddingWriter;
import dev.onair.sfu.pacer.ProbeSentListener;
import dev.onair.sfu.pacer.StaleDropListener;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.rtx.ResendOutcome;
import dev.onair.sfu.rtx.RetransmissionTimers;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.queue.SlotRing;
import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.telemetry.SessionTelemetry;
import dev.onair.sfu.telemetry.TrackCounters;
import dev.onair.sfu.track.LayerSwitchListener;
import dev.onair.sfu.track.RtpRewriter;
import dev.onair.sfu.track.SubscriberOutput;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.sfu.twcc.FeedbackResults;
import dev.onair.sfu.twcc.SendLog;
import dev.onair.sfu.twcc.SequenceStamper;
import dev.onair.transport.peer.PeerTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscriber: one sendonly m-line per {@link SubscriberTrack}, one bounded {@link SubscriberQueue} for all
 * of them, drained (encrypted and sent) at the end of each read batch and by the owner's pacing timer: audio
 * first, video at the {@link Pacer}'s rate (see {@link PacedDrain}). Handles the subscriber's RTCP (RR for
 * RTT, PLI/FIR forwarded to the source) and sends our SRs. Media loop only.
 */
public final class SubscriberSession extends MediaSession implements SubscriberOutput {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberSession.class);

    private final List<SubscriberTrack> tracks = new ArrayList<>();
    private final SubscriberQueue queue;
    private final RandomGenerator rng;
    private boolean dirty;
    /** On the owner's pacing list (paced packets left after a drain). */
    private boolean pacing;
    private final PacedDrain drainer = new PacedDrain(PacerConfig.DEFAULT);
    private final PacedDrain.Sink sink = new PacedDrain.Sink() {
        @Override
        public boolean writable() {
            return transport().isWritable();
        }

        @Override
        public long send(SlotRing lane, long nowNanos) {
            return sendHead(lane, nowNanos);
        }
    };
    /** Sequence numbers of padding on an SSRC that no track's RTX stream owns. */
    private int paddingSequence;
    /** Packets kept in the send log for the estimator (about 4 s at 1000 packets/s). */
    private static final int SEND_LOG_CAPACITY = 4096;
    /** Transport-wide numbering of what we send, and the subscriber's feedback on it; null without transport-cc. */
    private SequenceStamper stamper;
    private int transportCcId;
    private FeedbackResults feedbackResults;
    /** Probe clusters are capped at this many padding packets (a 2.5 Mbit/s, 30 ms probe needs about 40). */
    private static final int PROBE_MAX_PACKETS = 60;
    private SubscriberBandwidth bandwidth;

    public SubscriberSession(String resourceId, String room, String identity, PeerTransport transport,
                             List<TrackSetup> setups, int queueCapacity, RandomGenerator rng, SessionContext ctx) {
        super(resourceId, room, identity, transport, ctx);
        this.queue = new SubscriberQueue(queueCapacity);
        this.rng = rng;
        this.paddingSequence = rng.nextInt(1 << 15);
        drainer.setStaleDropListener(this::recordStaleDrop);
        for (TrackSetup s : setups) {
            add(s);
        }
        this.bandwidth = newBandwidth(ctx.clock().nanoTime());
        drainer.setProbeSentListener((transportSeq, clusterId, bytes, sentNanos) ->
                bandwidth.onProbeSent(transportSeq, clusterId));
        transport.setListener(this);
    }

    /** Congestion control with an estimator when some m-line negotiated transport-cc (the stamper exists). */
    private SubscriberBandwidth newBandwidth(long nowNanos) {
        return new SubscriberBandwidth(stamper == null ? null : new SendSideEstimator(BweConfig.defaults(), nowNanos),
                new BandwidthAllocator(AllocatorConfig.DEFAULT), BweConfig.defaults().maxBitrateBps(),
                bandwidthOutput);
    }

    /** What congestion control drives here: the pacer, probe padding, the flight recorder. */
    private final SubscriberBandwidth.Output bandwidthOutput = new SubscriberBandwidth.Output() {
        @Override
        public void setPacingRateBps(long rateBps) {
            drainer.pacer().setPacingRateBps(rateBps);
        }

        @Override
        public boolean sendProbe(ProbeCluster cluster, long nowNanos) {
            return sendProbePadding(cluster, nowNanos);
        }

        @Override
        public void record(ControlKind kind, long ssrc, int detail, long nowNanos) {
            recordControl(nowNanos, kind, ssrc, detail);
        }
    };

    /** Probe padding: about 250-byte padding packets on the RTX stream of a video track that has one. */
    private boolean sendProbePadding(ProbeCluster cluster, long nowNanos) {
        SubscriberTrack carrier = null;
        for (SubscriberTrack t : tracks) {
            if (t.kind() == MediaKind.VIDEO && t.rtxSsrc() >= 0 && t.anyRtxPayloadType() >= 0) {
                carrier = t;
                break;
            }
        }
        if (carrier == null) {
            return false;
        }
        // The pace tick releases one 5 ms budget at a time: at the normal rate a train of small padding packets would
        // leave at well under the probe's target and measure too little. For the probe's few milliseconds the pacer
        // runs at twice the target; the next allocation (100 ms on) sets the normal rate again.
        Pacer pacer = drainer.pacer();
        pacer.setPacingRateBps(Math.max(pacer.pacingRateBps(), 2 * cluster.targetBps()));
        int packetBytes = PaddingWriter.HEADER_BYTES + PaddingWriter.MAX_PADDING_BYTES;
        long clusterBytes = cluster.targetBps() * cluster.durationNanos() / 8_000_000_000L;
        int packets = (int) Math.min(PROBE_MAX_PACKETS, Math.max(cluster.minPackets(), clusterBytes / packetBytes + 1));
        int sent = 0;
        for (int i = 0; i < packets; i++) {
            if (enqueuePadding(carrier.rtxSsrc(), carrier.anyRtxPayloadType(), packetBytes, cluster.id(), nowNanos)) {
                sent++;
            }
        }
        return sent > 0;
    }

    /** The congestion control towards this subscriber. */
    public SubscriberBandwidth bandwidth() {
        return bandwidth;
    }

    private SubscriberTrack add(TrackSetup s) {
        int clockRate = s.codecs().isEmpty() ? 90_000 : s.codecs().get(0).clockRateHz();
        RtpRewriter rewriter = new RtpRewriter(s.localSsrc(), rng.nextInt(1 << 15), rng.nextLong() & 0xFFFFFFFFL,
                clockRate);
        SubscriberTrack t = new SubscriberTrack(s.mid(), s.kind(), s.codecs(), s.extensionIdsByUri(), this, rewriter,
                s.localRtxSsrc(), rng.nextInt(1 << 16));
        tracks.add(t);
        t.setLayerSwitchListener(new LayerSwitchListener() {
            @Override
            public void onLayerSwitch(SubscriberTrack track, int fromLayer, int toLayer, long nowNanos) {
                SubscriberSession.this.onLayerSwitch(track, fromLayer, toLayer, nowNanos);
            }

            @Override
            public void onTemporalSwitch(SubscriberTrack track, int fromLayer, int toLayer, long nowNanos) {
                SubscriberSession.this.onTemporalSwitch(track, fromLayer, toLayer, nowNanos);
            }
        });
        Integer tcc = s.extensionIdsByUri().get(NegotiatedExtension.TRANSPORT_CC);
        if (tcc != null && stamper == null) {
            SendLog log = new SendLog(SEND_LOG_CAPACITY);
            stamper = new SequenceStamper(tcc, 1, log);
            transportCcId = tcc;
            feedbackResults = new FeedbackResults(log);
        }
        return t;
    }

    /** A track switched simulcast layers (at a keyframe of the new one): telemetry and the flight recorder. */
    private void onLayerSwitch(SubscriberTrack t, int fromLayer, int toLayer, long nowNanos) {
        addLayerSwitch(t, fromLayer, toLayer, "spatial");
        recordControl(nowNanos, ControlKind.LAYER_SWITCH, t.localSsrc(), toLayer);
    }

    private void onTemporalSwitch(SubscriberTrack t, int fromLayer, int toLayer, long nowNanos) {
        addLayerSwitch(t, fromLayer, toLayer, "temporal");
        recordControl(nowNanos, ControlKind.TEMPORAL_SWITCH, t.localSsrc(), toLayer);
    }

    private void addLayerSwitch(SubscriberTrack t, int fromLayer, int toLayer, String dimension) {
        String reason = bandwidth == null ? null : bandwidth.reasonFor(t);
        telemetry().addLayerSwitch(new SessionReport.LayerSwitch(ctx().clock().wallMillis(), t.mid(), fromLayer,
                toLayer, reason == null ? "start" : reason, dimension));
    }

    /** Once a second: a fresh allocation (views, binds and priorities change without feedback) and its sample. */
    @Override
    void sampleMore(long nowNanos, long wallMillis, SessionTelemetry telemetry) {
        bandwidth.allocate(tracks, nowNanos);
        telemetry.addCongestion(bandwidth.sample(wallMillis, tracks, drainer.pacer().pacingRateBps(),
                queueDelayMaxMillis(), queueDelayMeanMillis()));
    }

    /** The track of m-line {@code mid}, or null. */
    public SubscriberTrack track(String mid) {
        for (SubscriberTrack t : tracks) {
            if (t.mid().equals(mid)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Applies a renegotiated offer: m-lines that still receive keep their track (same SSRC, continuous
     * sequence numbers), new ones get a new track, and tracks whose m-line stopped receiving are unbound and
     * dropped. Packets already queued for a dropped track are still sent; the receiver ignores them.
     */
    public void renegotiate(List<TrackSetup> newSetups) {
        for (int i = tracks.size() - 1; i >= 0; i--) {
            SubscriberTrack t = tracks.get(i);
            if (newSetups.stream().noneMatch(s -> s.mid().equals(t.mid()))) {
                t.bind(null, 0);
                tracks.remove(i);
            }
        }
        boolean hadFeedback = stamper != null;
        for (TrackSetup s : newSetups) {
            if (track(s.mid()) == null) {
                add(s);
            }
        }
        if (!hadFeedback && stamper != null) {
            // The first m-line with transport-cc came with this offer: from now on there is feedback to estimate from.
            bandwidth = newBandwidth(ctx().clock().nanoTime());
        }
    }

    @Override
    public List<SubscriberTrack> tracks() {
        return tracks;
    }

    @Override
    public SubscriberQueue queue() {
        return queue;
    }

    @Override
    String kindName() {
        return "subscribe";
    }

    @Override
    public void onEnqueued() {
        if (!dirty) {
            dirty = true;
            ctx().owner().onSubscriberDirty(this);
        }
    }

    /**
     * The owner's dirty-list bookkeeping: true (and the flag cleared) when this session was marked dirty since the
     * last call, so the owner drains each dirty session once per batch.
     */
    public boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    /** Marks this session as on the owner's pacing list; false when it already was. */
    public boolean enterPacing() {
        if (pacing) {
            return false;
        }
        pacing = true;
        return true;
    }

    /** This session left the owner's pacing list. */
    public void leavePacing() {
        pacing = false;
    }

    /**
     * Encrypts and sends up to {@code budget} queued packets: audio first, then video while the pacer allows
     * (see {@link PacedDrain}). Returns true if packets remain (held by the pacer, the socket was not writable or
     * the budget ran out), so the caller keeps this session on its pacing list.
     */
    public boolean drain(int budget, long nowNanos) {
        return drainer.drain(queue, budget, nowNanos, sink);
    }

    /**
     * Stamps (transport-cc), sends and accounts the head packet of {@code lane}; the drain pops it. Returns what
     * {@link PacedDrain.Sink#send} says.
     */
    private long sendHead(SlotRing lane, long nowNanos) {
        byte[] data = lane.headData();
        int rtpLength = lane.headLength();
        boolean stamped = stamper != null && stamper.stamp(data, 0, rtpLength);
        long transportSeq = stamped ? stamper.nextSequence() : PacedDrain.UNSTAMPED;
        if (!transport().sendRtp(data, 0, rtpLength)) {
            return PacedDrain.NOT_SENT;
        }
        if (lane.headOwner() instanceof SubscriberTrack owner) {
            owner.onSent(rtpLength, lane.headPayloadLength());
        }
        if (stamped) {
            stamper.commit(nowNanos, rtpLength);
        }
        return transportSeq;
    }

    /** This subscriber's pacer: the owner sets its rate from the estimate (e.g. 2.5 x the estimate). */
    public Pacer pacer() {
        return drainer.pacer();
    }

    /** Max queueing delay (enqueue to socket) of the packets sent in the last second; 0 when none. */
    public double queueDelayMaxMillis() {
        drainer.delays().rollIfDue(ctx().clock().nanoTime());
        return drainer.delays().maxMillis();
    }

    /** Mean queueing delay of the packets sent in the last second; 0 when none. */
    public double queueDelayMeanMillis() {
        drainer.delays().rollIfDue(ctx().clock().nanoTime());
        return drainer.delays().meanMillis();
    }

    /** Paced packets dropped because they waited longer than {@link #maxQueueDelayMillis()}. */
    public long queueDelayDrops() {
        return drainer.delays().staleDrops();
    }

    public long maxQueueDelayMillis() {
        return drainer.maxQueueDelayMillis();
    }

    public void setMaxQueueDelayMillis(long millis) {
        drainer.setMaxQueueDelayMillis(millis);
    }

    /**
     * Told of each paced packet dropped for waiting too long (after it is counted and recorded); the owner
     * typically asks the track's source for a keyframe. Null to remove.
     */
    public void setStaleDropListener(StaleDropListener listener) {
        drainer.setStaleDropListener(listener == null ? this::recordStaleDrop : (owner, waited, now) -> {
            recordStaleDrop(owner, waited, now);
            listener.onStaleDrop(owner, waited, now);
        });
    }

    private void recordStaleDrop(Object owner, long waitedNanos, long nowNanos) {
        long ssrc = owner instanceof SubscriberTrack t ? t.localSsrc() : 0;
        recordControl(nowNanos, ControlKind.QUEUE_DELAY_DROP, ssrc,
                (int) Math.min(Integer.MAX_VALUE, waitedNanos / 1_000_000L));
    }

    /** Told of each probe packet (padding with a probe cluster) as it is sent. Null to remove. */
    public void setProbeSentListener(ProbeSentListener listener) {
        drainer.setProbeSentListener(listener);
    }

    /**
     * Queues one padding-only packet of about {@code bytes} (at most {@link PaddingWriter#MAX_PADDING_BYTES} of
     * padding) on {@code ssrc} (normally a track's RTX SSRC, whose sequence numbers it then shares) in the paced
     * lane, as part of probe cluster {@code probeClusterId}. It carries the transport-cc element, so it needs
     * transport-cc; false (nothing queued) without it, when the paced lane is full or the payload type is invalid.
     */
    public boolean enqueuePadding(long ssrc, int payloadType, int bytes, int probeClusterId, long nowNanos) {
        if (stamper == null || payloadType < 0 || payloadType > 127) {
            return false;
        }
        byte[] slot = queue.claim(SubscriberQueue.Lane.PACED);
        if (slot == null) {
            return false;
        }
        int seq = paddingSequenceFor(ssrc);
        long timestamp = (nowNanos / 100_000L * 9) & 0xFFFFFFFFL; // 90 kHz media clock
        int len = PaddingWriter.write(slot, 0, ssrc, payloadType, seq, timestamp,
                bytes - PaddingWriter.HEADER_BYTES, transportCcId);
        if (len < 0) {
            return false;
        }
        queue.commitProbe(null, len, 0, nowNanos, probeClusterId);
        onEnqueued();
        return true;
    }

    private int paddingSequenceFor(long ssrc) {
        for (SubscriberTrack t : tracks) {
            if (t.rtxSsrc() == ssrc) {
                return t.takeRtxSequence();
            }
        }
        int seq = paddingSequence;
        paddingSequence = (paddingSequence + 1) & 0xFFFF;
        return seq;
    }

    @Override
    public void onRtp(byte[] buf, int off, int len, long arrivalNanos) {
        drops().increment(SessionDrop.UNEXPECTED_RTP);
    }

    @Override
    void onRtcpPacket(RtcpPacket pkt, long arrivalNanos) {
        if (pkt instanceof TransportCc fb && feedbackResults != null) {
            bandwidth.onFeedback(feedbackResults.onFeedback(fb), tracks, arrivalNanos);
        }
        if (pkt instanceof ReceiverReport rr) {
            onReportBlocks(rr.reports(), arrivalNanos);
        } else if (pkt instanceof SenderReport sr) {
            onReportBlocks(sr.reports(), arrivalNanos);
        } else if (pkt instanceof PictureLossIndication pli) {
            SubscriberTrack t = trackBySsrc(pli.mediaSsrc());
            if (t != null) {
                t.onPliReceived();
                t.onKeyframeRequest(arrivalNanos);
            }
        } else if (pkt instanceof FullIntraRequest fir) {
            for (FirEntry e : fir.entries()) {
                SubscriberTrack t = trackBySsrc(e.ssrc());
                if (t != null) {
                    t.onFirReceived();
                    t.onKeyframeRequest(arrivalNanos);
                }
            }
        } else if (pkt instanceof GenericNack nack) {
            SubscriberTrack t = trackBySsrc(nack.mediaSsrc());
            if (t != null) {
                t.onNackReceived();
                onNack(t, nack, arrivalNanos);
            }
        }
    }

    /** Resends every packet the NACK names (RFC 4585 section 6.2.1: PID plus the BLP bitmask). */
    private void onNack(SubscriberTrack t, GenericNack nack, long nowNanos) {
        long rttNanos = t.rttMillis() < 0 ? RetransmissionTimers.DEFAULT_RTT_NANOS : t.rttMillis() * 1_000_000L;
        long usefulAgeNanos = RetransmissionTimers.usefulAgeNanos(rttNanos);
        long intervalNanos = RetransmissionTimers.resendIntervalNanos(rttNanos);
        for (int i = 0; i < nack.items().size(); i++) {
            NackItem item = nack.items().get(i);
            resendOne(t, item.pid(), nowNanos, usefulAgeNanos, intervalNanos);
            for (int bit = 0; bit < 16; bit++) {
                if ((item.blp() & (1 << bit)) != 0) {
                    resendOne(t, (item.pid() + bit + 1) & 0xFFFF, nowNanos, usefulAgeNanos, intervalNanos);
                }
            }
        }
    }

    private void resendOne(SubscriberTrack t, int seq, long nowNanos, long usefulAgeNanos, long intervalNanos) {
        ResendOutcome o = t.resend(seq, nowNanos, usefulAgeNanos, intervalNanos);
        if (o != ResendOutcome.SUPPRESSED) {
            recordControl(nowNanos, o.sent() ? ControlKind.RETRANSMISSION_SENT : ControlKind.RETRANSMISSION_MISSED,
                    o == ResendOutcome.SENT_RTX ? t.rtxSsrc() : t.localSsrc(), seq);
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks, long nowNanos) {
        for (ReportBlock b : blocks) {
            SubscriberTrack t = trackBySsrc(b.ssrc());
            if (t != null) {
                t.onReceiverReport(b.lastSr(), b.delaySinceLastSr(), nowNanos);
                if (t.rttMillis() >= 0) {
                    bandwidth.onRtt(t.rttMillis(), nowNanos);
                }
                t.onReceptionQuality(b.fractionLost(), b.jitter());
                t.onReceptionTotals(b.cumulativeLost(), b.extendedHighestSeq());
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

    /** An SR + SDES CNAME for every SSRC we send (RFC 3550 §6.4.1), once the source's mapping is known. */
    @Override
    void sendReports(long nowNanos) {
        for (SubscriberTrack t : tracks) {
            SenderReport sr = t.senderReport(nowNanos);
            if (sr != null) {
                sendRtcp(List.of(sr, new SourceDescription(List.of(new SdesChunk(t.localSsrc(),
                        List.of(new SdesItem(SdesItem.CNAME, ctx().cname())))))));
            }
        }
    }

    /** Loss and jitter as the subscriber last reported them (RR), RTT from its RR to our SR. */
    @Override
    void fillCounters(int index, TrackCounters c) {
        SubscriberTrack t = tracks.get(index);
        c.packets = t.packetsSent();
        c.bytes = t.octetsSent();
        c.reportedLossPercent = t.reportedLossPercent();
        c.reportedPacketsLost = t.reportedCumulativeLost();
        c.reportedHighestSequence = t.reportedExtendedHighestSeq();
        c.jitterMillis = t.reportedJitterMillis();
        c.rttMillis = t.rttMillis() < 0 ? Double.NaN : t.rttMillis();
        c.nackReceived = t.nackReceived();
        c.retransmitted = t.retransmitted();
        c.retransmissionMissed = t.retransmissionMissed();
        c.pliReceived = t.pliReceived();
        c.firReceived = t.firReceived();
        c.frames = t.kind() == MediaKind.VIDEO ? t.framesForwarded() : -1;
        c.queueDrops = t.dropsQueueFull();
        if (t.kind() == MediaKind.AUDIO) {
            c.redForwarded = t.redForwarded();
            c.redStripped = t.redStripped();
        }
        PublishedTrack source = t.source();
        if (source != null && t.kind() == MediaKind.VIDEO) {
            c.sourceFramesPerSecond = source.sampledFramesPerSecond();
            c.sourceFrameWidth = source.encodedFrameWidth();
            c.sourceFrameHeight = source.encodedFrameHeight();
        }
    }

    @Override
    long trackPeerSsrc(int index) {
        return tracks.get(index).localSsrc();
    }

    @Override
    List<SessionReport.TrackReport> trackReports(SessionTelemetry telemetry) {
        List<SessionReport.TrackReport> out = new ArrayList<>(tracks.size());
        for (SubscriberTrack t : tracks) {
            out.add(new SessionReport.TrackReport(t.mid(), t.kind().sdpName(), "out",
                    t.source() == null ? null : t.source().id(), t.localSsrc(), telemetry.trackSamples(t.mid())));
        }
        return out;
    }

    @Override
    long queueDrops() {
        return queue.dropped() + drainer.delays().staleDrops();
    }

    @Override
    void release(String reason) {
        for (SubscriberTrack t : tracks) {
            t.bind(null, 0);
        }
        queue.clear();
        LOG.info("subscribe ended room={} identity={} resource={} reason=\"{}\" packetsOut={} queueDrops={}"
                + " queueDelayDrops={}", room(), identity(), resourceId(), reason, transport().packetsOut(),
                queue.dropped(), drainer.delays().staleDrops());
    }
}
