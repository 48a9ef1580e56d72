package dev.onair.sfu.session;

import dev.onair.protocol.rtcp.FirEntry;
import dev.onair.protocol.rtcp.FullIntraRequest;
import dev.onair.protocol.rtcp.GenericNack;
import dev.onair.protocol.rtcp.PictureLossIndication;
import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.protocol.rtcp.Remb;
import dev.onair.protocol.rtcp.ReportBlock;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.SdesChunk;
import dev.onair.protocol.rtcp.SdesItem;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtcp.SourceDescription;
import dev.onair.protocol.rtcp.TransportCc;
import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.bwe.ReceiveSideEstimator;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.negotiation.NegotiatedExtension;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.rtx.NackGenerator;
import dev.onair.sfu.telemetry.SessionTelemetry;
import dev.onair.sfu.telemetry.TrackCounters;
import dev.onair.sfu.track.ReceiveStatistics;
import dev.onair.sfu.track.PacketContext;
import dev.onair.sfu.track.PublishedLayer;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.twcc.FeedbackBuilder;
import dev.onair.transport.peer.PeerTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A publisher: receives its RTP, finds the track layer of each SSRC ({@link PublisherRouting}), fans packets out
 * through the tracks, records its SRs, and sends it our receiver reports, NACKs and keyframe requests for every
 * layer SSRC. Media loop only.
 */
public final class PublisherSession extends MediaSession implements PublishedTrack.KeyframeSender {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherSession.class);
    /** Transport-wide feedback: numbers kept, and the least time between two feedback rounds. */
    private static final int FEEDBACK_CAPACITY = 8192;
    private static final long FEEDBACK_INTERVAL_NANOS = 50_000_000L;

    private final long rtcpSsrc;
    private final List<PublishedTrack> tracks = new ArrayList<>();
    private final List<TrackSetup> setups = new ArrayList<>();
    private final Supplier<String> trackIds;
    private final PublisherRouting routing = new PublisherRouting(tracks);
    /** The sequence numbers of one NACK being built (reused). */
    private final long[] nackScratch = new long[NackGenerator.DEFAULT_CAPACITY];
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();
    private int firSequence;
    /** The transport-cc extension id of this BUNDLE transport, 0 when not negotiated. */
    private int transportCcId;
    /** One transport-wide sequence space per transport; null until transport-cc is negotiated. */
    private FeedbackBuilder feedback;
    /** REMB to this publisher (goog-remb and abs-send-time on its video, no transport-cc); null otherwise. */
    private PublisherRemb remb;

    /**
     * @param trackIds hands out the id ({@code sid}) of each new track
     */
    public PublisherSession(String resourceId, String room, String identity, PeerTransport transport,
                            List<TrackSetup> setups, long rtcpSsrc, Supplier<String> trackIds, SessionContext ctx) {
        super(resourceId, room, identity, transport, ctx);
        this.rtcpSsrc = rtcpSsrc;
        this.trackIds = trackIds;
        for (TrackSetup s : setups) {
            add(s);
        }
        transport.setListener(this);
    }

    private PublishedTrack add(TrackSetup s) {
        PublishedTrack t = new PublishedTrack(trackIds.get(), s.mid(), s.kind(), s.codecs(), s.extensionIdsByUri(),
                this, s.rids());
        tracks.add(t);
        setups.add(s);
        Integer tcc = s.extensionIdsByUri().get(NegotiatedExtension.TRANSPORT_CC);
        if (tcc != null && transportCcId == 0) {
            transportCcId = tcc;
            feedback = new FeedbackBuilder(FEEDBACK_CAPACITY, FEEDBACK_INTERVAL_NANOS);
        }
        int absSendTimeId = PublisherRemb.absSendTimeIdFor(s);
        if (transportCcId != 0) {
            remb = null; // the publisher estimates from our transport-wide feedback; a REMB would only cap it
        } else if (remb == null && absSendTimeId > 0) {
            remb = new PublisherRemb(absSendTimeId, ctx().clock().nanoTime());
        }
        routing.declare(t, s.declaredSsrcs(), s.remoteRtxSsrcs());
        if (s.nackSupported()) {
            t.enableNacks();
        }
        return t;
    }

    /** What a renegotiation changed: the tracks it added and the tracks it ended (already closed). */
    public record Renegotiated(List<PublishedTrack> added, List<PublishedTrack> removed) {
    }

    /**
     * Applies a renegotiated offer: an m-line that still sends keeps its track (same id, same sinks), a new one
     * becomes a new track, and a track whose m-line no longer sends is closed (its sinks are told).
     */
    public Renegotiated renegotiate(List<TrackSetup> newSetups) {
        List<PublishedTrack> removed = new ArrayList<>();
        for (int i = tracks.size() - 1; i >= 0; i--) {
            PublishedTrack t = tracks.get(i);
            if (newSetups.stream().noneMatch(s -> s.mid().equals(t.mid()))) {
                tracks.remove(i);
                setups.remove(i);
                routing.forget(t);
                t.close();
                removed.add(0, t);
            }
        }
        List<PublishedTrack> added = new ArrayList<>();
        for (TrackSetup s : newSetups) {
            if (tracks.stream().noneMatch(t -> t.mid().equals(s.mid()))) {
                added.add(add(s));
            }
        }
        return new Renegotiated(added, removed);
    }

    @Override
    public List<PublishedTrack> tracks() {
        return tracks;
    }

    /** The first track of that kind, or null. */
    public PublishedTrack firstTrack(MediaKind kind) {
        for (PublishedTrack t : tracks) {
            if (t.kind() == kind) {
                return t;
            }
        }
        return null;
    }

    @Override
    String kindName() {
        return "publish";
    }

    @Override
    public void onRtp(byte[] buf, int off, int len, long arrivalNanos) {
        PacketContext p = ctx().packet();
        p.reset(buf, off, len, arrivalNanos);
        if (!p.header.parse(buf, off, len)) {
            drops().increment(SessionDrop.RTP_MALFORMED);
            return;
        }
        if (feedback != null) {
            recordTransportSequence(p, arrivalNanos);
        } else if (remb != null && remb.onPacket(p.buf, p.header, len, cursor, arrivalNanos)) {
            sendRemb(arrivalNanos);
        }
        PublishedLayer layer = routing.route(p);
        if (layer == null) {
            drops().increment(routing.lastDrop());
            return;
        }
        if (routing.lastWasRtx()) {
            if (!layer.track().onRtx(p, layer.index())) {
                pollNacks(arrivalNanos);
                return;
            }
        } else {
            layer.track().onRtp(p, layer.index());
        }
        FlightRecorder r = recorder();
        if (r != null && p.keyframeStart) {
            r.markKeyframe(p.header.ssrc(), p.header.sequenceNumber());
        }
        pollNacks(arrivalNanos);
    }

    /**
     * Runs the NACK generators that are due (driven by every arriving packet, and by the periodic reports when the
     * publisher goes quiet): one generic NACK per track for what is missing now, and a throttled keyframe request
     * when packets were given up.
     */
    private void pollNacks(long nowNanos) {
        for (int i = 0; i < tracks.size(); i++) {
            PublishedTrack t = tracks.get(i);
            for (int l = 0; l < t.layerCount(); l++) {
                pollNacks(t, t.layer(l), nowNanos);
            }
        }
    }

    private void pollNacks(PublishedTrack t, PublishedLayer layer, long nowNanos) {
        NackGenerator g = layer.nacks();
        if (g == null || !g.isDue(nowNanos)) {
            return;
        }
        int n = g.poll(nowNanos, nackScratch);
        long ssrc = layer.ssrc();
        if (n > 0 && ssrc >= 0 && isConnected()) {
            recordControl(nowNanos, ControlKind.NACK_SENT, ssrc, (int) (nackScratch[0] & 0xFFFF));
            sendRtcp(List.of(new ReceiverReport(rtcpSsrc, List.of()),
                    new GenericNack(rtcpSsrc, ssrc, NackGenerator.items(nackScratch, n))));
            t.onNackSent();
        }
        if (g.takeKeyframeNeeded()) {
            t.requestKeyframe(layer.index(), nowNanos);
        }
    }

    /**
     * Every RTP packet of the transport (RTX and unknown SSRCs too) counts for the publisher's estimator: its
     * transport-wide sequence number and arrival go into the feedback, sent once the interval has passed.
     */
    private void recordTransportSequence(PacketContext p, long arrivalNanos) {
        if (!p.header.hasExtension()) {
            return;
        }
        cursor.reset(p.buf, p.header);
        while (cursor.next()) {
            if (cursor.id() == transportCcId && cursor.dataLength() >= 2) {
                int off = cursor.dataOffset();
                feedback.onPacket(((p.buf[off] & 0xFF) << 8) | (p.buf[off + 1] & 0xFF), arrivalNanos);
                if (feedback.isDue(arrivalNanos)) {
                    sendTransportFeedback(arrivalNanos);
                }
                return;
            }
        }
    }

    /** Everything pending as TransportCc, each behind an empty RR (a compound, RFC 3550 §6.1). */
    private void sendTransportFeedback(long nowNanos) {
        if (!isConnected()) {
            return;
        }
        long mediaSsrc = tracks.isEmpty() || tracks.get(0).ssrc() < 0 ? 0 : tracks.get(0).ssrc();
        for (TransportCc fb : feedback.drain(rtcpSsrc, mediaSsrc, nowNanos)) {
            recordControl(nowNanos, ControlKind.TRANSPORT_FEEDBACK_SENT, mediaSsrc, fb.packetStatusCount());
            sendRtcp(List.of(new ReceiverReport(rtcpSsrc, List.of()), fb));
        }
    }

    /** A REMB with the receive-side estimate, listing every media SSRC of the publisher, behind an empty RR. */
    private void sendRemb(long nowNanos) {
        if (!isConnected()) {
            return;
        }
        List<Long> ssrcs = new ArrayList<>();
        for (PublishedTrack t : tracks) {
            for (int l = 0; l < t.layerCount() && ssrcs.size() < 255; l++) {
                long ssrc = t.layer(l).ssrc();
                if (ssrc >= 0) {
                    ssrcs.add(ssrc);
                }
            }
        }
        if (ssrcs.isEmpty()) {
            return;
        }
        long bps = remb.take(nowNanos);
        recordControl(nowNanos, ControlKind.REMB_SENT, ssrcs.get(0),
                (int) Math.min(Integer.MAX_VALUE, bps / 1000));
        sendRtcp(List.of(new ReceiverReport(rtcpSsrc, List.of()), new Remb(rtcpSsrc, bps, ssrcs)));
    }

    /**
     * The receive-side estimator behind our REMBs, or null when this publisher gets none (no goog-remb or
     * abs-send-time on its video, or transport-cc negotiated). REMBs sent: {@code rtcpSent().get(RtcpKind.REMB)}.
     */
    public ReceiveSideEstimator receiveEstimator() {
        return remb == null ? null : remb.estimator();
    }

    /** Transport-wide feedback packets built so far (0 when transport-cc was not negotiated). */
    public long transportFeedbackSent() {
        return feedback == null ? 0 : feedback.feedbackSent();
    }

    @Override
    void onRtcpPacket(RtcpPacket pkt, long arrivalNanos) {
        if (pkt instanceof SenderReport sr) {
            PublishedLayer l = routing.layerBySsrc(sr.ssrc());
            if (l != null) {
                l.track().onSenderReport(sr.ssrc(), sr.ntpTimestamp(), sr.rtpTimestamp(), arrivalNanos);
            }
        }
    }

    @Override
    public void sendKeyframeRequest(PublishedTrack track, PublishedLayer layer) {
        long ssrc = layer.ssrc();
        if (ssrc < 0 || !isConnected()) {
            return;
        }
        int idx = tracks.indexOf(track);
        boolean pli = idx < 0 || setups.get(idx).pliSupported();
        RtcpPacket request = pli ? new PictureLossIndication(rtcpSsrc, ssrc)
                : new FullIntraRequest(rtcpSsrc, List.of(new FirEntry(ssrc, firSequence++ & 0xFF)));
        recordControl(ctx().clock().nanoTime(), ControlKind.KEYFRAME_REQUESTED, ssrc,
                pli ? PictureLossIndication.FMT : FullIntraRequest.FMT);
        sendRtcp(List.of(new ReceiverReport(rtcpSsrc, List.of()), request));
        track.onKeyframeRequestSent(pli);
    }

    /**
     * Loss from our receive statistics (expected vs received, before any retransmission); jitter ours; no RTT:
     * we send publishers RRs only, no SR, so their RR cannot give one.
     */
    @Override
    void fillCounters(int index, TrackCounters c) {
        PublishedTrack t = tracks.get(index);
        c.packets = t.packets();
        c.bytes = t.bytes();
        // Loss over every layer; jitter of the primary layer.
        for (int l = 0; l < t.layerCount(); l++) {
            ReceiveStatistics st = t.layer(l).stats();
            if (st != null) {
                c.expected = Math.max(0, c.expected) + st.expected();
                c.received += st.packetsReceived();
            }
        }
        ReceiveStatistics st = t.stats();
        if (st != null) {
            c.jitterMillis = st.jitterMillis();
        }
        c.pliSent = t.pliSent();
        c.firSent = t.firSent();
        c.nackSent = t.nackSent();
        c.rtxRecovered = t.rtxRecovered();
        c.rtxDiscarded = t.rtxDuplicates() + t.rtxPaddingOnly() + t.rtxUnusable();
        NackGenerator g = t.nacks();
        c.unrecoverable = g == null ? -1 : 0;
        for (int l = 0; g != null && l < t.layerCount(); l++) {
            c.unrecoverable += t.layer(l).nacks().unrecoverable();
        }
        if (t.kind() == MediaKind.VIDEO) {
            c.keyframeIntervalNanos = t.keyframeIntervalNanos();
            c.frames = t.framesEnded();
            fillKeyframeCounters(t, c);
        } else {
            c.redReceived = t.redPackets();
        }
    }

    /** The keyframe requests and arrivals of every layer of a video track. */
    private static void fillKeyframeCounters(PublishedTrack t, TrackCounters c) {
        c.keyframesRequested = 0;
        c.keyframeRequestsSent = 0;
        c.keyframeRetries = 0;
        c.keyframesReceived = 0;
        for (int l = 0; l < t.layerCount(); l++) {
            PublishedLayer layer = t.layer(l);
            c.keyframesRequested += layer.keyframes().requested();
            c.keyframeRequestsSent += layer.keyframes().sent();
            c.keyframeRetries += layer.keyframes().retries();
            c.keyframesReceived += layer.keyframesSeen();
        }
    }

    @Override
    void onTrackSampled(int index, SessionReport.TrackSample s, SessionTelemetry telemetry) {
        PublishedTrack t = tracks.get(index);
        if (t.kind() != MediaKind.VIDEO) {
            return;
        }
        ClientSample last = telemetry.lastClientSample(t.mid());
        if (t.nacks() != null && last != null && last.rttMillis() != null) {
            for (int l = 0; l < t.layerCount(); l++) {
                t.layer(l).nacks().setRttNanos(Math.round(last.rttMillis() * 1e6));
            }
        }
        long width = last == null || last.frameWidth() == null ? -1 : last.frameWidth();
        long height = last == null || last.frameHeight() == null ? -1 : last.frameHeight();
        t.setSourceVideo(s.framesPerSecond() == null ? Double.NaN : s.framesPerSecond(), width, height);
    }

    @Override
    long trackPeerSsrc(int index) {
        return tracks.get(index).ssrc();
    }

    @Override
    List<SessionReport.TrackReport> trackReports(SessionTelemetry telemetry) {
        List<SessionReport.TrackReport> out = new ArrayList<>(tracks.size());
        for (PublishedTrack t : tracks) {
            out.add(new SessionReport.TrackReport(t.mid(), t.kind().sdpName(), "in",
                    t.id(), t.ssrc() < 0 ? null : t.ssrc(), telemetry.trackSamples(t.mid())));
        }
        return out;
    }

    /** An RR for every published SSRC (RFC 3550 §6.4.2) with our SDES CNAME. */
    @Override
    void sendReports(long nowNanos) {
        pollNacks(nowNanos);
        if (feedback != null && feedback.hasPending()) {
            sendTransportFeedback(nowNanos);
        }
        if (remb != null && remb.isDue(nowNanos)) {
            sendRemb(nowNanos);
        }
        List<ReportBlock> blocks = new ArrayList<>(tracks.size());
        for (PublishedTrack t : tracks) {
            for (int l = 0; l < t.layerCount(); l++) {
                ReceiveStatistics st = t.layer(l).stats();
                if (st != null && st.hasPackets() && blocks.size() < 31) {
                    blocks.add(st.reportBlock(nowNanos));
                }
            }
        }
        sendRtcp(List.of(new ReceiverReport(rtcpSsrc, blocks), new SourceDescription(List.of(
                new SdesChunk(rtcpSsrc, List.of(new SdesItem(SdesItem.CNAME, ctx().cname())))))));
    }

    @Override
    void release(String reason) {
        for (PublishedTrack t : tracks) {
            t.close();
        }
        LOG.info("publish ended room={} identity={} resource={} reason=\"{}\" packetsIn={}", room(), identity(),
                resourceId(), reason, transport().packetsIn());
    }
}
