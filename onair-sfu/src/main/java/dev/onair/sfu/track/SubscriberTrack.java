package dev.onair.sfu.track;

import dev.onair.protocol.rtcp.NtpTime;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtp.HeaderExtensions;
import dev.onair.protocol.rtp.RtpWriter;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.queue.SubscriberQueue.Lane;
import dev.onair.sfu.rtx.ResendGuard;
import dev.onair.sfu.rtx.ResendOutcome;
import dev.onair.sfu.rtx.RetransmissionCache;
import dev.onair.sfu.rtx.RtxPacket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One outgoing track of a subscriber (one sendonly m-line), bound to at most one {@link PublishedTrack} at a
 * time. Maps payload types and header-extension ids from the publisher's numbering to the subscriber's,
 * rewrites SSRC/sequence/timestamp through an {@link RtpRewriter}, holds video until a keyframe after every
 * (re)bind, and keeps the sender statistics for our SRs. RFC 2198 RED from the publisher goes out as RED (blocks
 * renumbered) when this subscriber negotiated it, else stripped in place to its primary opus block. Media loop only; no allocation per packet.
 */
public final class SubscriberTrack implements PacketSink, SessionTrack {
    /** A publisher SR older than this no longer gives a trustworthy NTP/RTP mapping. */
    private static final long MAX_SR_AGE_NANOS = 60_000_000_000L;
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
    private long retransmitted;
    private long retransmissionMissed;
    private final byte[] extIdMap = new byte[256];
    private PublishedTrack source;
    private boolean waitingForKeyframe;
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
        newSource.addSink(this);
        newSource.requestKeyframe(nowNanos);
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
        if (waitingForKeyframe) {
            if (!p.keyframeStart) {
                dropsWaitingKeyframe++;
                from.requestKeyframe(p.arrivalNanos);
                return;
            }
            waitingForKeyframe = false;
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

    @Override
    public void onSourceRemoved(PublishedTrack removed) {
        if (removed == source) {
            source = null;
            rewriter.resync();
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
        if (src == null || src.stats() == null || !src.stats().hasSenderReport() || !rewriter.hasSent()
                || rewriter.sourceSsrc() != src.ssrc()) {
            return null;
        }
        ReceiveStatistics s = src.stats();
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
        if (source != null) {
            source.requestKeyframe(nowNanos);
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
        ResendOutcome o = resendOnce(outSeq & 0xFFFF, nowNanos, usefulAgeNanos, resendIntervalNanos);
        if (o.sent()) {
            retransmitted++;
            output.onEnqueued();
        } else if (o == ResendOutcome.MISSED) {
            retransmissionMissed++;
        }
        return o;
    }

    private ResendOutcome resendOnce(int outSeq, long nowNanos, long usefulAgeNanos, long resendIntervalNanos) {
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
        if (!resendGuard.tryResend(outSeq, nowNanos, resendIntervalNanos)) {
            return ResendOutcome.SUPPRESSED;
        }
        byte[] slotBuf = output.queue().claim(kind == MediaKind.AUDIO ? Lane.PRIORITY : Lane.PACED);
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
