package dev.onair.sfu.track;

import dev.onair.protocol.rtcp.NtpTime;
import dev.onair.sfu.alloc.TrackPriority;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtp.HeaderExtensions;
import dev.onair.protocol.rtp.RtpWriter;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.queue.PacketOwner;
import dev.onair.sfu.queue.SubscriberQueue.Lane;
import dev.onair.sfu.rtx.ResendGuard;
import dev.onair.sfu.rtx.ResendOutcome;
import dev.onair.sfu.rtx.RetransmissionCache;
import dev.onair.sfu.rtx.RtxPacket;
import dev.onair.sfu.simulcast.Vp8Continuity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One outgoing track of a subscriber (one sendonly m-line), bound to at most one {@link PublishedTrack} at a
 * time. Maps payload types and header-extension ids from the publisher's numbering to the subscriber's,
 * rewrites SSRC/sequence/timestamp through an {@link RtpRewriter}, holds video until a keyframe after every
 * (re)bind, and keeps the sender statistics for our SRs. RFC 2198 RED from the publisher goes out as RED (blocks
 * renumbered) when this subscriber negotiated it, else stripped in place to its primary opus block.
 *
 * <p>Simulcast: the track forwards one spatial layer of its source ({@link #currentLayer()}) and aims at
 * {@link #targetLayer()} (default: the highest; -1 pauses the track), or rather at the highest layer not above the
 * target that is active ({@link PublishedLayer#isActive}: Chromium starts with the lowest layer only and adds the
 * others as its bandwidth estimate grows, and stops layers when it falls). A change of that wanted layer asks the
 * source for its keyframe and keeps forwarding the current layer until the keyframe arrives; the switch happens on
 * it (so when the current layer stops, the track switches down at the next keyframe of the best layer still
 * arriving). Packets of other layers are ignored. The {@link RtpRewriter} keeps sequence numbers and timestamps continuous across the
 * SSRC change and {@link Vp8Continuity} the VP8 picture id and TL0PICIDX, so a switch is invisible to the
 * decoder.
 *
 * <p>Temporal layers (VP8 TID; Chromium's simulcast layers have three): the track forwards the frames of temporal
 * layers up to {@link #currentTemporalLayer()} and aims at {@link #targetTemporalLayer()} (default: all), as its
 * {@link TemporalSelector} decides. While a switch down to a lower spatial layer waits for its
 * keyframe, the current layer is thinned to its base temporal layer (the switch is mostly for bandwidth, and the full
 * rate of the layer being left would pile up in the pacer's queue). Frames left out are announced to the
 * {@link RtpRewriter} and {@link Vp8Continuity}, so sequence numbers and picture ids stay consecutive. Packets
 * without a TID are always forwarded. Media loop only; no allocation per packet.
 */
public final class SubscriberTrack implements PacketSink, SessionTrack, PacketOwner {
    /** A publisher SR older than this no longer gives a trustworthy NTP/RTP mapping. */
    private static final long MAX_SR_AGE_NANOS = 60_000_000_000L;
    /** {@link #targetLayer()} before the first bind when no target was set: the source's highest layer. */
    public static final int TARGET_HIGHEST = Integer.MAX_VALUE;
    /** {@link #targetTemporalLayer()} when every temporal layer is wanted. */
    public static final int TEMPORAL_ALL = TemporalSelector.ALL;
    private final String mid;
    private final MediaKind kind;
    private final List<TrackCodec> codecs;
    private final Map<String, Integer> extensionIdsByUri;
    private final SubscriberOutput output;
    private final RtpRewriter rewriter;
    private final int[] ptMap = new int[128];
    /** Source RED payload types this subscriber did not negotiate RED for: sent as their primary opus block. */
    private final boolean[] stripRed = new boolean[128];
    private long redForwarded;
    private long redStripped;
    /** Our payload type to our rtx payload type (-1: no rtx for it). */
    private final int[] rtxPtMap = new int[128];
    private final long rtxSsrc;
    private int rtxSeq;
    private final RtpHeader resendHeader = new RtpHeader();
    private final ResendGuard resendGuard = new ResendGuard();
    private long nackedPackets;
    private int resendCopies = 1;
    private long duplicateResends;
    private long retransmitted;
    private long retransmissionMissed;
    private final byte[] extIdMap = new byte[256];
    private PublishedTrack source;
    private boolean waitingForKeyframe;
    private final Vp8Continuity vp8 = new Vp8Continuity();
    /** What the owner asked for (unclamped); {@link #targetLayer} is it clamped to the bound source. */
    private int requestedLayer = TARGET_HIGHEST;
    private int viewMaxLayer = -1;
    private TrackPriority priority;
    private int targetLayer = TARGET_HIGHEST;
    private int currentLayer = -1;
    /** Queued packets of this track from before the last spatial switch are dropped unsent ({@link PacketOwner}). */
    private long supersededBeforeNanos = Long.MIN_VALUE;
    /** The layer selection last aimed at (the target, or the best active layer below it); -1 none yet. */
    private int wantedLayer = -1;
    private long layerSwitches;
    private final TemporalSelector temporal = new TemporalSelector();
    private long dropsTemporal;
    private long dropsOtherLayer;
    private long dropsPaused;
    private LayerSwitchListener layerSwitchListener = LayerSwitchListener.NONE;
    private int clockRateHz;
    private long packetsSent;
    private long payloadOctetsSent;
    private long octetsSent;
    private long framesForwarded;
    private long nackReceived;
    private long pliReceived;
    private long firReceived;
    private int reportedFractionLost = -1;
    private long reportedJitterTicks = -1;
    private long reportedCumulativeLost = -1;
    private long reportedExtendedHighestSeq = -1;
    private long dropsNoCodec;
    private long dropsWaitingKeyframe;
    private long dropsQueueFull;
    private long lastSrMiddle32 = -1;
    private long lastSrSentNanos;
    private long rttMillis = -1;
    /** The size the subscriber renders this track at, in device pixels; -1 = unknown (no limit). */
    private int viewWidthPx = -1;
    private int viewHeightPx = -1;

    public SubscriberTrack(String mid, MediaKind kind, List<TrackCodec> codecs, Map<String, Integer> extensionIdsByUri,
                           SubscriberOutput output, RtpRewriter rewriter) {
        this(mid, kind, codecs, extensionIdsByUri, output, rewriter, -1, 0);
    }

    /**
     * @param rtxSsrc       our RTX SSRC on this m-line (RFC 4588), or -1 when rtx was not negotiated
     * @param initialRtxSeq the first RTX sequence number (random per RFC 3550 section 5.1)
     */
    public SubscriberTrack(String mid, MediaKind kind, List<TrackCodec> codecs, Map<String, Integer> extensionIdsByUri,
                           SubscriberOutput output, RtpRewriter rewriter, long rtxSsrc, int initialRtxSeq) {
        this.rtxSsrc = rtxSsrc;
        this.rtxSeq = initialRtxSeq & 0xFFFF;
        Arrays.fill(rtxPtMap, -1);
        for (TrackCodec c : codecs) {
            if (rtxSsrc >= 0 && c.rtxPayloadType() >= 0) {
                rtxPtMap[c.payloadType() & 0x7F] = c.rtxPayloadType() & 0x7F;
            }
        }
        this.priority = kind == MediaKind.AUDIO ? TrackPriority.AUDIO : TrackPriority.VIDEO;
        this.mid = mid;
        this.kind = kind;
        this.codecs = List.copyOf(codecs);
        this.extensionIdsByUri = Map.copyOf(extensionIdsByUri);
        this.output = output;
        this.rewriter = rewriter;
        this.clockRateHz = codecs.isEmpty() ? 90_000 : codecs.get(0).clockRateHz();
        Arrays.fill(ptMap, -1);
    }

    @Override
    public String mid() {
        return mid;
    }

    @Override
    public MediaKind kind() {
        return kind;
    }

    public long localSsrc() {
        return rewriter.outSsrc();
    }

    /**
     * How this track ranks when the subscriber's bandwidth is split (set by the room from the source and the active
     * speaker; audio is always {@link TrackPriority#AUDIO}).
     */
    public void setPriority(TrackPriority priority) {
        this.priority = kind == MediaKind.AUDIO ? TrackPriority.AUDIO : priority;
    }

    public TrackPriority priority() {
        return priority;
    }

    /** The size the subscriber shows this track at, in device pixels (0x0 = not visible, -1 = unknown). */
    public void setViewSize(int widthPx, int heightPx) {
        this.viewWidthPx = widthPx;
        this.viewHeightPx = heightPx;
    }

    /** The rendered width in device pixels; -1 = unknown (no limit), 0 = not visible. */
    public int viewWidthPx() {
        return viewWidthPx;
    }

    /** The rendered height in device pixels; -1 = unknown (no limit), 0 = not visible. */
    public int viewHeightPx() {
        return viewHeightPx;
    }

    public PublishedTrack source() {
        return source;
    }

    public RtpRewriter rewriter() {
        return rewriter;
    }

    /** Binds to a new source (or null to unbind). Video waits for a keyframe, which is requested now. */
    public void bind(PublishedTrack newSource, long nowNanos) {
        if (newSource == source) {
            return;
        }
        if (source != null) {
            source.removeSink(this);
        }
        source = newSource;
        rewriter.resync();
        vp8.resync();
        currentLayer = -1;
        wantedLayer = -1;
        temporal.reset();
        resendGuard.clear();
        Arrays.fill(ptMap, -1);
        Arrays.fill(stripRed, false);
        Arrays.fill(extIdMap, (byte) 0);
        if (newSource == null) {
            return;
        }
        for (int pt = 0; pt < 128; pt++) {
            TrackCodec src = newSource.codec(pt);
            if (src != null) {
                for (TrackCodec mine : codecs) {
                    if (mine.name().equals(src.name()) && mine.clockRateHz() == src.clockRateHz()) {
                        ptMap[pt] = mine.payloadType();
                        clockRateHz = mine.clockRateHz();
                        break;
                    }
                }
                if (src.isRed() && ptMap[pt] < 0) {
                    int opus = payloadTypeOf("OPUS");
                    ptMap[pt] = opus;
                    stripRed[pt] = opus >= 0;
                }
            }
        }
        for (Map.Entry<String, Integer> e : newSource.extensionIdsByUri().entrySet()) {
            Integer mine = extensionIdsByUri.get(e.getKey());
            if (mine != null && e.getValue() > 0 && e.getValue() < 256) {
                extIdMap[e.getValue()] = (byte) (int) mine;
            }
        }
        waitingForKeyframe = kind == MediaKind.VIDEO;
        targetLayer = Math.min(requestedLayer, newSource.layerCount() - 1);
        wantedLayer = targetLayer; // its keyframe is asked for just below
        newSource.addSink(this);
        if (targetLayer >= 0) {
            newSource.requestKeyframe(targetLayer, nowNanos);
        }
    }

    /**
     * Sets the spatial layer to forward (0 = lowest, clamped to the source's highest; -1 pauses: nothing of this
     * video track is forwarded until a later target). A new target layer's keyframe is requested now; the switch
     * itself waits for it (see the class comment).
     */
    public void setTargetLayer(int layer, long nowNanos) {
        requestedLayer = Math.max(-1, layer);
        int t = requestedLayer;
        if (source != null) {
            t = Math.min(t, source.layerCount() - 1);
        }
        if (t == targetLayer) {
            return;
        }
        targetLayer = t;
        if (t < 0) {
            int from = currentLayer;
            currentLayer = -1;
            waitingForKeyframe = kind == MediaKind.VIDEO;
            // What the pause skips must not show as a sequence gap (the receiver would count it lost and NACK it):
            // the packet that resumes continues the numbering as after a switch.
            rewriter.resync();
            vp8.resync();
            if (from >= 0) {
                layerSwitchListener.onLayerSwitch(this, from, -1, nowNanos);
            }
            return;
        }
        if (source != null && t != currentLayer) {
            source.requestKeyframe(t, nowNanos);
        }
        wantedLayer = t;
    }

    /** The layer this track aims at; -1 paused; {@link #TARGET_HIGHEST} before the first bind unless set. */
    public int targetLayer() {
        return targetLayer;
    }

    /** The layer being forwarded; -1 before the first keyframe after a (re)bind, and while paused. */
    public int currentLayer() {
        return currentLayer;
    }

    /** Switches between two layers so far (not counting the start after a bind, nor pauses). */
    public long layerSwitches() {
        return layerSwitches;
    }

    /** Told of every change of {@link #currentLayer()}. */
    public void setLayerSwitchListener(LayerSwitchListener listener) {
        this.layerSwitchListener = listener == null ? LayerSwitchListener.NONE : listener;
    }

    /** Packets of a layer other than the one forwarded (including the target's before its keyframe). */
    public long dropsOtherLayer() {
        return dropsOtherLayer;
    }

    /** Packets not forwarded because the track is paused (target -1). */
    public long dropsPaused() {
        return dropsPaused;
    }

    /**
     * The highest layer this subscriber's view needs, whatever its bandwidth allows now (set by its congestion
     * control at each allocation; -1 until then, or when the view is hidden). Dynacast keeps that layer coming from
     * the publisher: a subscriber held low by its estimate goes back up as soon as the estimate allows, and it must
     * not make the publisher stop a layer others (or it, a second later) need, as LiveKit's dynacast follows the
     * subscribers' wanted quality rather than their momentary allocation.
     */
    public void setViewMaxLayer(int layer) {
        viewMaxLayer = Math.max(-1, layer);
    }

    @Override
    public int layerDemand(PublishedTrack from) {
        if (kind != MediaKind.VIDEO) {
            return -1;
        }
        int mask = currentLayer >= 0 ? 1 << currentLayer : 0;
        if (targetLayer >= 0 && targetLayer != TARGET_HIGHEST) {
            mask |= 1 << targetLayer;
        }
        if (viewMaxLayer >= 0) {
            mask |= 1 << Math.min(viewMaxLayer, Math.max(0, from.layerCount() - 1));
        }
        return mask;
    }

    private int payloadTypeOf(String name) {
        for (TrackCodec mine : codecs) {
            if (mine.name().equals(name)) {
                return mine.payloadType();
            }
        }
        return -1;
    }

    @Override
    public void accept(PublishedTrack from, PacketContext p) {
        int srcPt = p.header.payloadType();
        int dstPt = ptMap[srcPt];
        if (dstPt < 0) {
            dropsNoCodec++;
            return;
        }
        if (kind == MediaKind.VIDEO && !selectLayer(from, p)) {
            return;
        }
        if (waitingForKeyframe) {
            if (!p.keyframeStart) {
                dropsWaitingKeyframe++;
                from.requestKeyframe(p.layer, p.arrivalNanos);
                return;
            }
            waitingForKeyframe = false;
        }
        if (p.temporalLayer >= 0 && !selectTemporal(from, p)) {
            return;
        }
        byte[] slot = output.queue().claim(kind == MediaKind.AUDIO ? Lane.PRIORITY : Lane.PACED);
        if (slot == null) {
            dropsQueueFull++;
            // Our receiver lost packets we will never resend: its picture is broken until the next keyframe.
            waitingForKeyframe = kind == MediaKind.VIDEO;
            return;
        }
        int len = HeaderExtensions.copyWithMappedExtensions(p.buf, p.off, p.header, extIdMap, slot, 0);
        if (len < 0) {
            dropsQueueFull++;
            return;
        }
        if (!rewriter.rewrite(slot, 0, p.header.ssrc(), p.header.sequenceNumber(), p.header.timestamp(),
                p.arrivalNanos)) {
            return;
        }
        RtpWriter.setPayloadType(slot, 0, dstPt);
        int payloadLen = p.header.payloadLength();
        if (kind == MediaKind.VIDEO && from.codec(srcPt).isVp8()) {
            vp8.rewrite(slot, len - payloadLen - p.header.paddingLength(), payloadLen, p.header.ssrc());
        }
        if (p.isRed) {
            int payloadOff = len - payloadLen - p.header.paddingLength();
            if (stripRed[srcPt]) {
                len = p.red.stripToPrimary(slot, 0, payloadOff, dstPt);
                payloadLen = p.red.primaryLength();
                redStripped++;
            } else {
                p.red.mapPayloadTypes(slot, payloadOff, ptMap);
                redForwarded++;
            }
        }
        output.queue().commit(this, len, payloadLen, p.arrivalNanos);
        if (p.header.marker() && kind == MediaKind.VIDEO) {
            framesForwarded++;
        }
        output.onEnqueued();
    }

    /**
     * Layer selection for one video packet: true to go on forwarding it. A packet of the target layer that starts
     * a keyframe switches to it; other layers are ignored.
     */
    private boolean selectLayer(PublishedTrack from, PacketContext p) {
        int layer = p.layer;
        if (targetLayer < 0) {
            dropsPaused++;
            return false;
        }
        int want = wantedLayer(from, p.arrivalNanos);
        if (want != wantedLayer) {
            wantedLayer = want;
            if (want != currentLayer) {
                from.requestKeyframe(want, p.arrivalNanos);
            }
        }
        if (layer == currentLayer) {
            return true;
        }
        if (layer != want) {
            dropsOtherLayer++;
            return false;
        }
        if (!p.keyframeStart) {
            if (currentLayer < 0) {
                dropsWaitingKeyframe++;
                from.requestKeyframe(layer, p.arrivalNanos);
            } else {
                dropsOtherLayer++;
            }
            return false;
        }
        int fromLayer = currentLayer;
        currentLayer = layer;
        waitingForKeyframe = false;
        if (fromLayer >= 0) {
            layerSwitches++;
            // What is still queued of the layer left (and its resends) would only delay this keyframe: the receiver
            // restarts decoding here, and NACKs for the old layer's numbers are no longer answered (RtpRewriter).
            supersededBeforeNanos = p.arrivalNanos;
        }
        layerSwitchListener.onLayerSwitch(this, fromLayer, layer, p.arrivalNanos);
        return true;
    }

    /**
     * Temporal selection for one packet of the forwarded layer: true to forward it. Left-out packets are announced to
     * the rewriters so that the receiver sees no gap.
     */
    private boolean selectTemporal(PublishedTrack from, PacketContext p) {
        int r = temporal.select(p, wantedLayer >= 0 && wantedLayer < currentLayer);
        if ((r & TemporalSelector.SWITCHED) != 0) {
            layerSwitchListener.onTemporalSwitch(this, temporal.switchedFrom(), temporal.switchedTo(), p.arrivalNanos);
        }
        if ((r & TemporalSelector.DROP_GAP_BEFORE) != 0) {
            rewriter.dropGapBefore(p.header.ssrc(), p.header.sequenceNumber());
        }
        if ((r & TemporalSelector.FORWARD) != 0) {
            return true;
        }
        leaveOut(from, p);
        return false;
    }

    /** Leaves one packet out on purpose: the rewriters close the gap it would leave. */
    private void leaveOut(PublishedTrack from, PacketContext p) {
        dropsTemporal++;
        rewriter.drop(p.header.ssrc(), p.header.sequenceNumber());
        if (from.codec(p.header.payloadType()).isVp8()) {
            vp8.drop(p.buf, p.header.payloadOffset(), p.header.payloadLength(), p.header.ssrc());
        }
    }

    /**
     * Sets the highest VP8 temporal layer to forward (0 = the base layer only; {@link #TEMPORAL_ALL} or anything at
     * or above the source's highest = all). Down takes effect at the next frame start, up at the next layer-sync
     * frame or keyframe.
     */
    public void setTargetTemporalLayer(int temporalLayer) {
        temporal.setTarget(temporalLayer);
    }

    /** The temporal layer aimed at; {@link #TEMPORAL_ALL} for all. */
    public int targetTemporalLayer() {
        return temporal.target();
    }

    /**
     * The highest temporal layer forwarded now: a TID, or -1 when the forwarded layer has shown no temporal layering
     * (every packet is forwarded).
     */
    public int currentTemporalLayer() {
        return temporal.current();
    }

    /** Changes of {@link #currentTemporalLayer()}. */
    public long temporalSwitches() {
        return temporal.switches();
    }

    /** Packets of temporal layers above the current one, left out. */
    public long dropsTemporal() {
        return dropsTemporal;
    }

    /** The highest active layer not above the target; the target itself when none of those is active. */
    private int wantedLayer(PublishedTrack from, long nowNanos) {
        int top = Math.min(targetLayer, from.layerCount() - 1);
        for (int l = top; l > 0; l--) {
            if (from.layer(l).isActive(nowNanos)) {
                return l;
            }
        }
        return top > 0 && !from.layer(0).isActive(nowNanos) ? top : 0;
    }

    @Override
    public void onSourceRemoved(PublishedTrack removed) {
        if (removed == source) {
            source = null;
            rewriter.resync();
            vp8.resync();
            currentLayer = -1;
            wantedLayer = -1;
        }
    }

    @Override
    public void onSourceResumed(PublishedTrack resumed, long nowNanos) {
        if (resumed == source) {
            waitingForKeyframe = kind == MediaKind.VIDEO;
        }
    }

    /**
     * Called by the send step for each packet of this track actually handed to the socket; the RTP length is not
     * known here, so telemetry counts the payload only (use {@link #onSent(int, int)}).
     */
    public void onSent(int payloadLen) {
        onSent(payloadLen, payloadLen);
    }

    /** Called by the send step for each packet actually handed to the socket: its RTP and payload lengths. */
    public void onSent(int rtpLen, int payloadLen) {
        packetsSent++;
        payloadOctetsSent += payloadLen;
        octetsSent += rtpLen;
    }

    /**
     * Our sender report for this SSRC, with the NTP/RTP mapping carried over from the publisher's last SR
     * (shifted into our timestamp space) so that the receiver keeps audio/video sync; null until the source
     * has sent an SR and we have sent a packet.
     */
    public SenderReport senderReport(long nowNanos) {
        PublishedTrack src = source;
        PublishedLayer layer = src == null || !rewriter.hasSent() ? null : src.layerBySsrc(rewriter.sourceSsrc());
        ReceiveStatistics s = layer == null ? null : layer.stats();
        if (s == null || !s.hasSenderReport()) {
            return null;
        }
        long elapsedNanos = nowNanos - s.lastSrArrivalNanos();
        if (elapsedNanos < 0 || elapsedNanos > MAX_SR_AGE_NANOS) {
            return null;
        }
        long ntp = s.lastSrNtp() + ((elapsedNanos / 1_000L) << 32) / 1_000_000L;
        long srcRtp = s.lastSrRtpTimestamp() + elapsedNanos / 1_000L * clockRateHz / 1_000_000L;
        long rtp = rewriter.mapTimestamp(srcRtp & 0xFFFFFFFFL);
        lastSrMiddle32 = NtpTime.middle32(ntp);
        lastSrSentNanos = nowNanos;
        return new SenderReport(localSsrc(), ntp, rtp, packetsSent & 0xFFFFFFFFL, payloadOctetsSent & 0xFFFFFFFFL,
                List.of());
    }

    /** A receiver report block about our SSRC: RTT from LSR/DLSR (RFC 3550 §6.4.1). */
    public void onReceiverReport(long lastSr, long delaySinceLastSr, long nowNanos) {
        if (lastSr != 0 && lastSr == lastSrMiddle32) {
            long rttNanos = nowNanos - lastSrSentNanos - delaySinceLastSr * 1_000_000_000L / 65_536L;
            rttMillis = Math.max(0, rttNanos / 1_000_000L);
        }
    }

    /** A report block about our SSRC: the subscriber's fraction lost (1/256) and jitter (RTP ticks). */
    public void onReceptionQuality(int fractionLost, long jitterTicks) {
        reportedFractionLost = fractionLost;
        reportedJitterTicks = jitterTicks;
    }

    /**
     * The subscriber's cumulative counters from its last report block (RFC 3550 §6.4.1): packets lost so far (may
     * be negative with duplicates) and the extended highest sequence number received.
     */
    public void onReceptionTotals(long cumulativeLost, long extendedHighestSeq) {
        reportedCumulativeLost = cumulativeLost;
        reportedExtendedHighestSeq = extendedHighestSeq;
    }

    /** Packets lost so far by the subscriber's last report; -1 before its first report. */
    public long reportedCumulativeLost() {
        return reportedExtendedHighestSeq < 0 ? -1 : reportedCumulativeLost;
    }

    /** The extended highest sequence number of the subscriber's last report; -1 before its first report. */
    public long reportedExtendedHighestSeq() {
        return reportedExtendedHighestSeq;
    }

    /** The subscriber's last reported loss in percent; NaN before its first report. */
    public double reportedLossPercent() {
        return reportedFractionLost < 0 ? Double.NaN : reportedFractionLost * 100.0 / 256;
    }

    /** The subscriber's last reported interarrival jitter in ms; NaN before its first report. */
    public double reportedJitterMillis() {
        return reportedJitterTicks < 0 || clockRateHz <= 0 ? Double.NaN : reportedJitterTicks * 1000.0 / clockRateHz;
    }

    /** Counts RTCP feedback about this track: a NACK, a PLI or a FIR. */
    public void onNackReceived() {
        nackReceived++;
    }

    public void onPliReceived() {
        pliReceived++;
    }

    public void onFirReceived() {
        firReceived++;
    }

    public long nackReceived() {
        return nackReceived;
    }

    public long pliReceived() {
        return pliReceived;
    }

    public long firReceived() {
        return firReceived;
    }

    /** RTP octets (headers included) handed to the socket. */
    public long octetsSent() {
        return octetsSent;
    }

    /** Video frames (marker bit) queued for the subscriber. */
    public long framesForwarded() {
        return framesForwarded;
    }

    /** The subscriber asked for a keyframe (PLI/FIR): forwarded to the source, throttled there. */
    public void onKeyframeRequest(long nowNanos) {
        if (source == null) {
            return;
        }
        int layer = currentLayer >= 0 ? currentLayer : targetLayer;
        if (kind != MediaKind.VIDEO) {
            source.requestKeyframe(nowNanos);
        } else if (layer >= 0) {
            source.requestKeyframe(layer, nowNanos);
        }
    }

    /** RED packets forwarded as RED (blocks renumbered to this subscriber's payload types). */
    public long redForwarded() {
        return redForwarded;
    }

    /** RED packets sent as their primary opus block, this subscriber not having negotiated RED. */
    public long redStripped() {
        return redStripped;
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long dropsNoCodec() {
        return dropsNoCodec;
    }

    public long dropsWaitingKeyframe() {
        return dropsWaitingKeyframe;
    }

    public long dropsQueueFull() {
        return dropsQueueFull;
    }

    public long rttMillis() {
        return rttMillis;
    }

    /** One of our rtx payload types (for padding on the RTX stream), or -1 without rtx. */
    public int anyRtxPayloadType() {
        if (rtxSsrc < 0) {
            return -1;
        }
        for (int pt : rtxPtMap) {
            if (pt >= 0) {
                return pt;
            }
        }
        return -1;
    }

    /** Our RTX SSRC, or -1 without rtx. */
    public long rtxSsrc() {
        return rtxSsrc;
    }

    /** Takes the next sequence number of our RTX stream, for the pacer's padding on it (shares the numbering). */
    public int takeRtxSequence() {
        int seq = rtxSeq;
        rtxSeq = (rtxSeq + 1) & 0xFFFF;
        return seq;
    }

    /**
     * Resends the packet the subscriber NACKed as {@code outSeq} (its sequence space): mapped back to the
     * source's packet, taken from the source's shared {@link RetransmissionCache}, rewritten as it was first
     * sent, then queued as RTX when negotiated (else as it was). Not resent when older than useful
     * ({@code usefulAgeNanos}, capped by the cache) or resent already less than {@code resendIntervalNanos} ago.
     */
    public ResendOutcome resend(int outSeq, long nowNanos, long usefulAgeNanos, long resendIntervalNanos) {
        nackedPackets++;
        ResendOutcome o = resendOnce(outSeq & 0xFFFF, nowNanos, usefulAgeNanos, resendIntervalNanos, true);
        if (o.sent()) {
            retransmitted++;
            if (o == ResendOutcome.SENT_RTX && resendCopies > 1
                    && resendOnce(outSeq & 0xFFFF, nowNanos, usefulAgeNanos, resendIntervalNanos, false).sent()) {
                duplicateResends++;
            }
            output.onEnqueued();
        } else if (o == ResendOutcome.MISSED) {
            retransmissionMissed++;
        }
        return o;
    }

    /**
     * How many RTX copies each resend goes out as: 2 on a link with random loss (a resend lost too costs the receiver
     * another round trip, long enough to count as a freeze; two copies make that 20 times rarer at 5 % loss for 5 %
     * more traffic), else 1.
     */
    public void setResendCopies(int copies) {
        resendCopies = Math.max(1, Math.min(2, copies));
    }

    public int resendCopies() {
        return resendCopies;
    }

    /** Second RTX copies sent ({@link #setResendCopies}). */
    public long duplicateResends() {
        return duplicateResends;
    }

    private ResendOutcome resendOnce(int outSeq, long nowNanos, long usefulAgeNanos, long resendIntervalNanos,
                                     boolean guarded) {
        PublishedTrack src = source;
        RetransmissionCache cache = src == null ? null : src.retransmissions();
        int srcSeq = cache == null ? -1 : rewriter.sourceSeqOf(outSeq);
        int slot = srcSeq < 0 ? -1 : cache.find(rewriter.sourceSsrc(), srcSeq, nowNanos, usefulAgeNanos);
        if (slot < 0 || !resendHeader.parse(cache.data(), cache.offset(slot), cache.length(slot))) {
            return ResendOutcome.MISSED;
        }
        int dstPt = ptMap[resendHeader.payloadType()];
        if (dstPt < 0) {
            return ResendOutcome.MISSED;
        }
        if (guarded && !resendGuard.tryResend(outSeq, nowNanos, resendIntervalNanos)) {
            return ResendOutcome.SUPPRESSED;
        }
        // A resend goes ahead of new video (libwebrtc's pacer order): the frame it repairs is already late.
        byte[] slotBuf = output.queue().claim(kind == MediaKind.AUDIO ? Lane.PRIORITY : Lane.RETRANSMISSION);
        if (slotBuf == null) {
            dropsQueueFull++;
            return ResendOutcome.MISSED;
        }
        int len = HeaderExtensions.copyWithMappedExtensions(cache.data(), cache.offset(slot), resendHeader, extIdMap,
                slotBuf, 0);
        if (len < 0) {
            return ResendOutcome.MISSED;
        }
        rewriter.rewriteResent(slotBuf, 0, srcSeq, resendHeader.timestamp());
        RtpWriter.setPayloadType(slotBuf, 0, dstPt);
        int payloadLen = resendHeader.payloadLength();
        TrackCodec srcCodec = src.codec(resendHeader.payloadType());
        if (kind == MediaKind.VIDEO && srcCodec != null && srcCodec.isVp8()) {
            vp8.rewriteResent(slotBuf, len - payloadLen - resendHeader.paddingLength(), payloadLen);
        }
        int rtxPt = rtxPtMap[dstPt];
        if (rtxPt < 0) {
            output.queue().commit(this, len, payloadLen, nowNanos);
            return ResendOutcome.SENT_PLAIN;
        }
        int payloadOffset = len - payloadLen - resendHeader.paddingLength();
        int rtxLen = RtxPacket.wrap(slotBuf, 0, len, payloadOffset, rtxPt, rtxSsrc, rtxSeq);
        if (rtxLen < 0) {
            return ResendOutcome.MISSED;
        }
        rtxSeq = (rtxSeq + 1) & 0xFFFF;
        output.queue().commit(this, rtxLen, payloadLen + RtxPacket.OSN_BYTES, nowNanos);
        return ResendOutcome.SENT_RTX;
    }

    @Override
    public long supersededBeforeNanos() {
        return supersededBeforeNanos;
    }

    /** Packets the subscriber's NACKs asked for. */
    public long nackedPackets() {
        return nackedPackets;
    }

    /** Packets resent (RTX or plain). */
    public long retransmitted() {
        return retransmitted;
    }

    /** Requested packets we could not resend (not cached, too old, not ours, queue full). */
    public long retransmissionMissed() {
        return retransmissionMissed;
    }
}
