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
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.negotiation.NegotiatedExtension;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.rtx.ResendOutcome;
import dev.onair.sfu.rtx.RetransmissionTimers;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.telemetry.SessionTelemetry;
import dev.onair.sfu.telemetry.TrackCounters;
import dev.onair.sfu.track.RtpRewriter;
import dev.onair.sfu.track.SubscriberOutput;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.sfu.twcc.FeedbackResults;
import dev.onair.sfu.twcc.PacketResult;
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
 * of them, drained (encrypted and sent) at the end of each read batch. Handles the subscriber's RTCP (RR for
 * RTT, PLI/FIR forwarded to the source) and sends our SRs. Media loop only.
 */
public final class SubscriberSession extends MediaSession implements SubscriberOutput {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberSession.class);

    private final List<SubscriberTrack> tracks = new ArrayList<>();
    private final SubscriberQueue queue;
    private final RandomGenerator rng;
    private boolean dirty;
    /** Packets kept in the send log for the estimator (about 4 s at 1000 packets/s). */
    private static final int SEND_LOG_CAPACITY = 4096;
    /** Transport-wide numbering of what we send, and the subscriber's feedback on it; null without transport-cc. */
    private SequenceStamper stamper;
    private FeedbackResults feedbackResults;
    private List<PacketResult> lastFeedback = List.of();

    public SubscriberSession(String resourceId, String room, String identity, PeerTransport transport,
                             List<TrackSetup> setups, int queueCapacity, RandomGenerator rng, SessionContext ctx) {
        super(resourceId, room, identity, transport, ctx);
        this.queue = new SubscriberQueue(queueCapacity);
        this.rng = rng;
        for (TrackSetup s : setups) {
            add(s);
        }
        transport.setListener(this);
    }

    private SubscriberTrack add(TrackSetup s) {
        int clockRate = s.codecs().isEmpty() ? 90_000 : s.codecs().get(0).clockRateHz();
        RtpRewriter rewriter = new RtpRewriter(s.localSsrc(), rng.nextInt(1 << 15), rng.nextLong() & 0xFFFFFFFFL,
                clockRate);
        SubscriberTrack t = new SubscriberTrack(s.mid(), s.kind(), s.codecs(), s.extensionIdsByUri(), this, rewriter,
                s.localRtxSsrc(), rng.nextInt(1 << 16));
        tracks.add(t);
        Integer tcc = s.extensionIdsByUri().get(NegotiatedExtension.TRANSPORT_CC);
        if (tcc != null && stamper == null) {
            SendLog log = new SendLog(SEND_LOG_CAPACITY);
            stamper = new SequenceStamper(tcc, 1, log);
            feedbackResults = new FeedbackResults(log);
        }
        return t;
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
        for (TrackSetup s : newSetups) {
            if (track(s.mid()) == null) {
                add(s);
            }
        }
    }

    /** Our transport-wide numbering towards this subscriber, or null when transport-cc was not negotiated. */
    public SequenceStamper transportSequencer() {
        return stamper;
    }

    /** The subscriber's transport-wide feedback so far, or null when transport-cc was not negotiated. */
    public FeedbackResults transportFeedback() {
        return feedbackResults;
    }

    /** The per-packet results of the subscriber's latest feedback (for the estimator, issue #5). */
    public List<PacketResult> lastFeedbackResults() {
        return lastFeedback;
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
     * Encrypts and sends up to {@code budget} queued packets. Returns true if packets remain (the socket
     * was not writable or the budget ran out), so the caller keeps this session on its dirty list.
     */
    public boolean drain(int budget) {
        PeerTransport transport = transport();
        int n = 0;
        while (!queue.isEmpty() && n < budget) {
            if (!transport.isWritable()) {
                return true;
            }
            SubscriberTrack owner = (SubscriberTrack) queue.headOwner();
            int rtpLength = queue.headLength();
            boolean stamped = stamper != null && stamper.stamp(queue.headData(), 0, rtpLength);
            if (transport.sendRtp(queue.headData(), 0, rtpLength)) {
                owner.onSent(rtpLength, queue.headPayloadLength());
                if (stamped) {
                    stamper.commit(ctx().clock().nanoTime(), rtpLength);
                }
            }
            queue.pop();
            n++;
        }
        dirty = !queue.isEmpty();
        return dirty;
    }

    @Override
    public void onRtp(byte[] buf, int off, int len, long arrivalNanos) {
        drops().increment(SessionDrop.UNEXPECTED_RTP);
    }

    @Override
    void onRtcpPacket(RtcpPacket pkt, long arrivalNanos) {
        if (pkt instanceof TransportCc fb && feedbackResults != null) {
            lastFeedback = feedbackResults.onFeedback(fb);
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
        // REMB and TWCC are counted; bandwidth estimation comes with TODO(#5).
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
        FlightRecorder r = recorder();
        if (r != null && o != ResendOutcome.SUPPRESSED) {
            r.recordControl(nowNanos, recorderLink(), o.sent() ? ControlKind.RETRANSMISSION_SENT
                    : ControlKind.RETRANSMISSION_MISSED, o == ResendOutcome.SENT_RTX ? t.rtxSsrc() : t.localSsrc(), seq);
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks, long nowNanos) {
        for (ReportBlock b : blocks) {
            SubscriberTrack t = trackBySsrc(b.ssrc());
            if (t != null) {
                t.onReceiverReport(b.lastSr(), b.delaySinceLastSr(), nowNanos);
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
        return queue.dropped();
    }

    @Override
    void release(String reason) {
        for (SubscriberTrack t : tracks) {
            t.bind(null, 0);
        }
        queue.clear();
        LOG.info("subscribe ended room={} identity={} resource={} reason=\"{}\" packetsOut={} queueDrops={}", room(),
                identity(), resourceId(), reason, transport().packetsOut(), queue.dropped());
    }
}
