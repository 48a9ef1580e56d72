package dev.onair.sfu.congestion;

import dev.onair.sfu.alloc.Allocation;
import dev.onair.sfu.alloc.AllocationTrack;
import dev.onair.sfu.alloc.AllocatorConfig;
import dev.onair.sfu.alloc.BandwidthAllocator;
import dev.onair.sfu.alloc.TrackAllocation;
import dev.onair.sfu.alloc.TrackPriority;
import dev.onair.sfu.api.SessionReport.CongestionSample;
import dev.onair.sfu.api.SessionReport.TrackAllocationSample;
import dev.onair.sfu.bwe.DelaySignal;
import dev.onair.sfu.bwe.ProbeCluster;
import dev.onair.sfu.bwe.SendSideEstimator;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.track.PublishedLayer;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.sfu.twcc.PacketResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Congestion control towards one subscriber: feedback → estimate → allocation → each video track's target layer (or
 * a pause), the pacer's rate, and probes when the allocation wants more than the estimate allows. Without
 * transport-wide feedback there is no estimate: the allocation then follows the view sizes only. Runs per feedback
 * (tens a second) and per tick, never per packet. Media loop only.
 */
public final class SubscriberBandwidth {
    /**
     * The pacer may send this many times the estimate, as libwebrtc's pacer does (its pacing factor 2.5): a keyframe
     * leaves within a few frame intervals instead of waiting behind the estimate, and the bottleneck's own queue
     * absorbs the burst.
     */
    public static final double PACING_FACTOR = 2.5;
    /** The pacer never goes below this, so that audio and a small layer always get out. */
    public static final long MIN_PACING_RATE_BPS = 200_000L;
    /** Allocation passes are at most this frequent (feedback arrives every 50-100 ms). */
    static final long ALLOCATION_INTERVAL_NANOS = 100_000_000L;
    /** An estimate change worth a flight-recorder event (relative). */
    static final double RECORD_ESTIMATE_CHANGE = 0.1;
    /** Bitrates assumed for a layer not currently arriving (dynacast paused it, or it has not started). */
    static final long[] DEFAULT_LAYER_BITRATES_BPS = {150_000L, 500_000L, 1_500_000L};
    static final long DEFAULT_AUDIO_BITRATE_BPS = 64_000L;

    /** What the controller drives: the session's pacer, its probe padding and its recorder. */
    public interface Output {
        void setPacingRateBps(long rateBps);

        /** Queues padding for a probe cluster on an RTX stream; false when there is none to pad on. */
        boolean sendProbe(ProbeCluster cluster, long nowNanos);

        /** A decision for the flight recorder. */
        void record(ControlKind kind, long ssrc, int detail, long nowNanos);
    }

    private final SendSideEstimator estimator;
    private final BandwidthAllocator allocator;
    private final Output output;
    private final long maxBitrateBps;
    private final double allocatorHeadroom;
    private final List<AllocationTrack> inputs = new ArrayList<>();
    private final Map<SubscriberTrack, TrackAllocation> byTrack = new IdentityHashMap<>();
    private Allocation last;
    private long lastAllocationNanos = Long.MIN_VALUE;
    private long lastRecordedEstimateBps = -1;
    private boolean audioOnly;
    private long probesSent;
    private boolean duplicateResends;
    /** Loss (before repair) from which resends go out twice. */
    static final double DUPLICATE_RESENDS_LOSS = 0.03;

    /**
     * @param estimator     null when the subscriber negotiated no transport-wide feedback
     * @param maxBitrateBps the allocation's budget without an estimate
     */
    public SubscriberBandwidth(SendSideEstimator estimator, BandwidthAllocator allocator, long maxBitrateBps,
                               Output output) {
        this(estimator, allocator, AllocatorConfig.DEFAULT.upgradeHeadroom(), maxBitrateBps, output);
    }

    /** @param allocatorHeadroom the allocator's upgrade headroom (the share of the estimate an upgrade may use) */
    public SubscriberBandwidth(SendSideEstimator estimator, BandwidthAllocator allocator, double allocatorHeadroom,
                               long maxBitrateBps, Output output) {
        this.allocatorHeadroom = allocatorHeadroom > 0 && allocatorHeadroom <= 1 ? allocatorHeadroom : 1;
        this.estimator = estimator;
        this.allocator = allocator;
        this.maxBitrateBps = maxBitrateBps;
        this.output = output;
    }

    /** The subscriber's feedback on what we sent: updates the estimate, and re-allocates when due. */
    public void onFeedback(List<PacketResult> results, List<SubscriberTrack> tracks, long nowNanos) {
        if (estimator == null || results.isEmpty()) {
            return;
        }
        estimator.onFeedback(results, nowNanos);
        long estimate = estimator.estimateBps();
        if (lastRecordedEstimateBps < 0
                || Math.abs(estimate - lastRecordedEstimateBps) > RECORD_ESTIMATE_CHANGE * lastRecordedEstimateBps) {
            lastRecordedEstimateBps = estimate;
            output.record(ControlKind.BANDWIDTH_ESTIMATE, -1, (int) Math.min(Integer.MAX_VALUE, estimate / 1000),
                    nowNanos);
        }
        if (nowNanos - lastAllocationNanos >= ALLOCATION_INTERVAL_NANOS) {
            allocate(tracks, nowNanos);
        }
    }

    /** A probe packet left: its transport-wide sequence number and cluster (the estimator measures the cluster). */
    public void onProbeSent(long transportSeq, int clusterId) {
        if (estimator != null) {
            estimator.onProbeSent(transportSeq, clusterId);
        }
    }

    /** A round-trip time measured from the subscriber's receiver reports. */
    public void onRtt(long rttMillis, long nowNanos) {
        if (estimator != null && rttMillis >= 0) {
            estimator.onRtt(rttMillis, nowNanos);
        }
    }

    /** The budget the allocator splits: the estimate, or the configured maximum without feedback. */
    public long availableBps() {
        return estimator == null ? maxBitrateBps : estimator.estimateBps();
    }

    /**
     * Splits the budget across {@code tracks} by priority and applies it: target layers (switches happen at the next
     * keyframe of the target), pauses, the pacer's rate, and a probe when the allocation is held back by the estimate.
     */
    public void allocate(List<SubscriberTrack> tracks, long nowNanos) {
        lastAllocationNanos = nowNanos;
        inputs.clear();
        for (int i = 0; i < tracks.size(); i++) {
            SubscriberTrack t = tracks.get(i);
            PublishedTrack src = t.source();
            if (src != null) {
                inputs.add(input(t, src, nowNanos));
            }
        }
        long available = availableBps();
        Allocation a = allocator.allocate(available, inputs, nowNanos);
        last = a;
        byTrack.clear();
        for (TrackAllocation ta : a.tracks()) {
            SubscriberTrack t = (SubscriberTrack) ta.key();
            byTrack.put(t, ta);
            if (t.kind() == MediaKind.VIDEO && t.targetLayer() != ta.layer()) {
                t.setTargetLayer(ta.layer(), nowNanos);
                output.record(ControlKind.LAYER_TARGET, t.localSsrc(), ta.layer(), nowNanos);
            }
            int temporal = ta.temporalLayer() == TrackAllocation.ALL_TEMPORAL_LAYERS ? SubscriberTrack.TEMPORAL_ALL
                    : ta.temporalLayer();
            if (t.kind() == MediaKind.VIDEO && !ta.paused() && t.targetTemporalLayer() != temporal) {
                t.setTargetTemporalLayer(temporal);
                output.record(ControlKind.TEMPORAL_TARGET, t.localSsrc(),
                        temporal == SubscriberTrack.TEMPORAL_ALL ? -1 : temporal, nowNanos);
            }
        }
        applyResendCopies(tracks);
        if (a.audioOnly() != audioOnly) {
            audioOnly = a.audioOnly();
            output.record(ControlKind.AUDIO_ONLY, -1, audioOnly ? 1 : 0, nowNanos);
        }
        if (estimator == null) {
            return;
        }
        output.setPacingRateBps(Math.max(MIN_PACING_RATE_BPS, (long) (estimator.estimateBps() * PACING_FACTOR)));
        // The allocator upgrades only within its headroom (90 % of the estimate): probing up to exactly what is wanted
        // would leave the estimate just short of the upgrade it is for.
        long probeTargetBps = (long) (a.wantedBps() / allocatorHeadroom);
        ProbeCluster probe = estimator.nextProbe(nowNanos, probeTargetBps);
        if (probe != null && output.sendProbe(probe, nowNanos)) {
            probesSent++;
            output.record(ControlKind.PROBE_STARTED, -1, (int) Math.min(Integer.MAX_VALUE, probe.targetBps() / 1000),
                    nowNanos);
        }
    }

    /**
     * Random loss (feedback shows 3 % or more lost while the delay signal is normal, i.e. not a queue overflowing)
     * makes every video resend go out twice, until loss falls under 1.5 % or the link shows congestion: a resend
     * lost too would cost the receiver another round trip, a freeze at 80 ms RTT.
     */
    private void applyResendCopies(List<SubscriberTrack> tracks) {
        if (estimator == null) {
            return;
        }
        double loss = estimator.lossFraction();
        boolean congested = estimator.delaySignal() == DelaySignal.OVERUSING;
        if (!duplicateResends && loss >= DUPLICATE_RESENDS_LOSS && !congested) {
            duplicateResends = true;
        } else if (duplicateResends && (loss < DUPLICATE_RESENDS_LOSS / 2 || congested)) {
            duplicateResends = false;
        }
        for (int i = 0; i < tracks.size(); i++) {
            SubscriberTrack t = tracks.get(i);
            if (t.kind() == MediaKind.VIDEO) {
                t.setResendCopies(duplicateResends ? 2 : 1);
            }
        }
    }

    /** Whether video resends currently go out twice (random loss on the link). */
    public boolean duplicateResends() {
        return duplicateResends;
    }

    private AllocationTrack input(SubscriberTrack t, PublishedTrack src, long nowNanos) {
        if (t.kind() == MediaKind.AUDIO) {
            long bps = src.layer(0).bitrateBps(nowNanos);
            return new AllocationTrack(t, TrackPriority.AUDIO, new long[] {bps > 0 ? bps : DEFAULT_AUDIO_BITRATE_BPS}, 0);
        }
        int n = src.layerCount();
        long[] bitrates = new long[n];
        long[][] temporal = null;
        for (int i = 0; i < n; i++) {
            PublishedLayer layer = src.layer(i);
            boolean active = layer.isActive(nowNanos);
            long measured = active ? layer.bitrateBps(nowNanos) : 0;
            bitrates[i] = measured > 0 ? measured : defaultBitrate(i, n);
            int temporalLayers = active ? layer.temporalLayerCount(nowNanos) : 1;
            if (temporalLayers > 1) {
                if (temporal == null) {
                    temporal = new long[n][];
                }
                temporal[i] = new long[temporalLayers];
                for (int tid = 0; tid < temporalLayers; tid++) {
                    temporal[i][tid] = layer.temporalBitrateBps(tid, nowNanos);
                }
            }
        }
        int maxLayer = LayerForView.maxLayer(src, t.viewWidthPx(), t.viewHeightPx());
        t.setViewMaxLayer(maxLayer);
        return new AllocationTrack(t, t.priority(), bitrates, maxLayer, temporal);
    }

    /** A layer's assumed bitrate when it is not arriving: the defaults counted from the top layer down. */
    static long defaultBitrate(int layer, int layers) {
        int fromTop = layers - 1 - layer;
        int idx = DEFAULT_LAYER_BITRATES_BPS.length - 1 - fromTop;
        return DEFAULT_LAYER_BITRATES_BPS[Math.max(0, idx)];
    }

    /** The latest allocation (null before the first). */
    public Allocation lastAllocation() {
        return last;
    }

    public boolean audioOnly() {
        return audioOnly;
    }

    public long probesSent() {
        return probesSent;
    }

    /** The allocator's reason for {@code t}'s current target; null when it had none yet. */
    public String reasonFor(SubscriberTrack t) {
        TrackAllocation ta = byTrack.get(t);
        return ta == null ? null : ta.reason();
    }

    /**
     * The telemetry sample of this second.
     *
     * @param pacingRateBps        the pacer's current rate
     * @param queueDelayMaxMillis  the longest wait in our queue in the last second
     * @param queueDelayMeanMillis the mean wait (NaN when nothing was sent)
     */
    public CongestionSample sample(long wallMillis, List<SubscriberTrack> tracks, long pacingRateBps,
                                   double queueDelayMaxMillis, double queueDelayMeanMillis) {
        List<TrackAllocationSample> perTrack = new ArrayList<>(tracks.size());
        for (SubscriberTrack t : tracks) {
            TrackAllocation ta = byTrack.get(t);
            boolean video = t.kind() == MediaKind.VIDEO;
            int targetTemporal = t.targetTemporalLayer() == SubscriberTrack.TEMPORAL_ALL ? -1 : t.targetTemporalLayer();
            perTrack.add(new TrackAllocationSample(t.mid(), t.source() == null ? null : t.source().id(),
                    video ? t.currentLayer() : -1, video ? t.targetLayer() : -1, ta == null ? 0 : ta.bitrateBps(),
                    ta == null ? null : ta.reason(), video ? t.currentTemporalLayer() : -1,
                    video ? targetTemporal : -1));
        }
        return new CongestionSample(wallMillis, availableBps(),
                estimator == null ? 0 : estimator.ackedBitrateBps(), last == null ? 0 : last.allocatedBps(),
                last == null ? 0 : last.wantedBps(), pacingRateBps,
                estimator == null ? Double.NaN : estimator.lossFraction() * 100,
                estimator == null ? null : estimator.delaySignal().name().toLowerCase(java.util.Locale.ROOT),
                estimator == null ? null : estimator.lastChangeReason(), audioOnly, queueDelayMaxMillis,
                queueDelayMeanMillis, perTrack);
    }
}
