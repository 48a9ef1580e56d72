package dev.onair.sfu.bwe;

import dev.onair.sfu.twcc.PacketResult;
import java.util.List;

/**
 * Send-side bandwidth estimate towards one subscriber, the GCC way: per feedback, received packets go through
 * {@link InterArrival} grouping, the {@link TrendlineFilter} and the {@link OveruseDetector} into the delay-based
 * {@link AimdRateControl}; all packets feed the {@link AckedBitrateEstimator} and the {@link LossBasedController};
 * probe packets feed the {@link ProbeResultEstimator}, whose result lifts the estimate at once. The estimate is
 * min(delay-based, loss-based), clamped to the {@link BweConfig}. A sequence reported twice (among the last 4096)
 * is ignored and counted; packets sent out of order are left out of the delay groups by {@link InterArrival}. Never throws on feedback content; no
 * allocation per packet. Media loop only (one thread, no locks).
 */
public final class SendSideEstimator {
    static final long MAX_RTT_MILLIS = 10_000L;
    /** Sequence numbers remembered to drop duplicates (a power of two). */
    static final int SEEN_CAPACITY = 4096;
    private static final long NOT_SEEN = Long.MIN_VALUE;

    private final BweConfig config;
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineFilter trendline = new TrendlineFilter();
    private final OveruseDetector detector = new OveruseDetector();
    private final AimdRateControl aimd;
    private final AckedBitrateEstimator acked = new AckedBitrateEstimator();
    private final LossBasedController loss;
    private final ProbeController probeController = new ProbeController();
    private final ProbeResultEstimator probeResults = new ProbeResultEstimator();

    private long estimateBps;
    private long rttMillis = 200;
    private final long[] seen = new long[SEEN_CAPACITY];
    private DelaySignal delaySignal = DelaySignal.NORMAL;
    private String lastChangeReason = "start";
    private long feedbacks;
    private long ignoredPackets;
    private long overuseEvents;
    private long lastProbeBps;

    public SendSideEstimator(BweConfig config, long nowNanos) {
        this.config = config;
        this.aimd = new AimdRateControl(config, nowNanos);
        this.loss = new LossBasedController(config);
        this.estimateBps = config.startBitrateBps();
        java.util.Arrays.fill(seen, NOT_SEEN);
    }

    /** One subscriber feedback's results (in sequence order, as {@code FeedbackResults} gives them). */
    public void onFeedback(List<PacketResult> results, long nowNanos) {
        if (results == null || results.isEmpty()) {
            return;
        }
        feedbacks++;
        int lost = 0;
        int total = 0;
        boolean overuse = false;
        int n = results.size();
        for (int i = 0; i < n; i++) {
            PacketResult r = results.get(i);
            if (r == null || isDuplicate(r.sequence())) {
                ignoredPackets++;
                continue;
            }
            total++;
            boolean received = r.received() && r.arrivalNanos() >= 0;
            probeResults.onPacket(r.sequence(), r.sendNanos(), r.sizeBytes(), received, r.arrivalNanos());
            if (!received) {
                lost++;
                continue;
            }
            acked.onPacket(r.arrivalNanos(), r.sizeBytes());
            int step = interArrival.add(r.sendNanos(), r.arrivalNanos());
            if (step == InterArrival.RESET) {
                trendline.reset();
                detector.reset();
            } else if (step == InterArrival.DELTA) {
                double sendDeltaMs = interArrival.sendDeltaNanos() / 1e6;
                double arrivalDeltaMs = interArrival.arrivalDeltaNanos() / 1e6;
                long groupArrival = interArrival.groupArrivalNanos();
                if (trendline.update(arrivalDeltaMs, sendDeltaMs, groupArrival)) {
                    DelaySignal s = detector.detect(trendline.slope(), sendDeltaMs, trendline.numDeltas(),
                            groupArrival);
                    overuse |= s == DelaySignal.OVERUSING;
                }
            }
        }
        if (total == 0) {
            return;
        }
        loss.onPackets(lost, total);
        long ackedBps = acked.update();
        delaySignal = overuse ? DelaySignal.OVERUSING : detector.state();
        if (overuse) {
            overuseEvents++;
        }
        long before = estimateBps;
        long delayBased = aimd.update(delaySignal, ackedBps, nowNanos);
        String reason = null;
        if (aimd.decreasedLast()) {
            reason = "delay-overuse";
        }
        if (probeResults.evaluate()) {
            long probeBps = probeResults.resultBps();
            probeController.onResult(probeResults.resultClusterId(), probeBps);
            if (delaySignal != DelaySignal.OVERUSING && probeBps > delayBased) {
                aimd.setEstimate(probeBps, nowNanos);
                delayBased = aimd.estimateBps();
                loss.onProbe(probeBps);
                lastProbeBps = probeBps;
                reason = "probe " + formatMbps(probeBps);
            }
        }
        long lossBased = loss.update(before, ackedBps, rttMillis, nowNanos);
        if (loss.decreasedLast()) {
            reason = "loss " + Math.round(loss.lossFraction() * 100) + "%";
        }
        estimateBps = config.clamp(Math.min(delayBased, lossBased));
        if (estimateBps != before) {
            lastChangeReason = reason != null ? reason : estimateBps > before ? "increase" : "decrease";
        }
    }

    /** True when {@code sequence} was already reported among the last {@link #SEEN_CAPACITY}; remembers it. */
    private boolean isDuplicate(long sequence) {
        int slot = (int) (sequence & (SEEN_CAPACITY - 1));
        if (seen[slot] == sequence && sequence != NOT_SEEN) {
            return true;
        }
        seen[slot] = sequence;
        return false;
    }

    private static String formatMbps(long bps) {
        long tenths = Math.round(bps / 100_000.0);
        return (tenths / 10) + "." + (tenths % 10) + " Mbit/s";
    }

    /** A round-trip time measurement (RTCP or TWCC); sets the AIMD response time and the loss decrease interval. */
    public void onRtt(long rttMillis, long nowNanos) {
        long clamped = Math.max(1, Math.min(MAX_RTT_MILLIS, rttMillis));
        this.rttMillis = clamped;
        aimd.setRttMillis(clamped);
    }

    /** The sender put packet {@code transportSeq} on the wire as part of probe cluster {@code clusterId}. */
    public void onProbeSent(long transportSeq, int clusterId) {
        probeResults.onProbeSent(transportSeq, clusterId);
    }

    /**
     * A probe cluster to send now, or null: due when the allocation wants more ({@code wantedBps}) than the
     * estimate. Call it from the periodic tick or after each allocation.
     */
    public ProbeCluster nextProbe(long nowNanos, long wantedBps) {
        ProbeCluster cluster = probeController.next(nowNanos, estimateBps, wantedBps, config.maxBitrateBps(),
                delaySignal);
        if (cluster != null) {
            probeResults.register(cluster);
        }
        return cluster;
    }

    /** The target send bitrate towards this subscriber. */
    public long estimateBps() {
        return estimateBps;
    }

    /** What arrived at the subscriber over the last 250 ms, by its feedback; 0 before enough is known. */
    public long ackedBitrateBps() {
        return acked.bitrateBps();
    }

    /** The last loss fraction the loss controller used (0..1). */
    public double lossFraction() {
        return loss.lossFraction();
    }

    public DelaySignal delaySignal() {
        return delaySignal;
    }

    /** Why the estimate last changed: "start", "increase", "delay-overuse", "loss 12%", "probe 2.1 Mbit/s". */
    public String lastChangeReason() {
        return lastChangeReason;
    }

    /** The delay-based (AIMD) rate alone. */
    public long delayBasedBps() {
        return aimd.estimateBps();
    }

    /** The loss-based limit alone. */
    public long lossBasedBps() {
        return loss.limitBps();
    }

    /** The last probe result that lifted the estimate; 0 when none did. */
    public long lastProbeBps() {
        return lastProbeBps;
    }

    public long probesRequested() {
        return probeController.probesRequested();
    }

    /** Feedbacks that had at least one result. */
    public long feedbacks() {
        return feedbacks;
    }

    /** Feedbacks in which the detector found overuse. */
    public long overuseEvents() {
        return overuseEvents;
    }

    /** Results ignored: null, or a sequence already reported. */
    public long ignoredPackets() {
        return ignoredPackets;
    }
}
