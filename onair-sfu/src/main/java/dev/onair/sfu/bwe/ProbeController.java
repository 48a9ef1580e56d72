package dev.onair.sfu.bwe;

/**
 * Decides when to probe (libwebrtc ProbeController, simplified): whenever the allocation wants more than the
 * estimate, ask for a cluster at 2 × the estimate (capped by {@value #WANTED_OVERSHOOT} × what is wanted and by the
 * maximum), 15 ms and at least 5 packets, one at a time. The overshoot is there because a probe's measured rate
 * lands a few per cent below its target: a probe aimed at exactly what is wanted left the estimate just short of it
 * (a paused video waited 5 s for the next periodic probe), as libwebrtc's allocation probes go to 1× and 2× the
 * allocation rather than to it exactly. A probe whose measured rate reached 70 % of its target and 110 % of the estimate it
 * started from is followed by the next one at once (exponential probing up to what is wanted). Otherwise probing
 * is periodic: 5 s after the last probe, doubling with each further failed or unanswered one (no result within
 * 1 s) up to 10 s, so that a link already used to its capacity is not pushed into overuse every few seconds, yet a
 * link that widens again (a lifted cap, a handover back to LTE) is found within about 10 s.
 * Never while the delay detector says overuse.
 */
final class ProbeController {
    static final long PROBE_DURATION_NANOS = 15_000_000L;
    static final int PROBE_MIN_PACKETS = 5;
    static final long RESULT_TIMEOUT_NANOS = 1_000_000_000L;
    static final long PERIODIC_INTERVAL_NANOS = 5_000_000_000L;
    static final long MAX_PERIODIC_INTERVAL_NANOS = 10_000_000_000L;
    static final double SUCCESS_FRACTION = 0.7;
    static final long SCALE = 2;
    static final double MIN_GAIN = 1.1;
    /** How far above what is wanted a probe may aim. */
    static final double WANTED_OVERSHOOT = 1.25;

    private int nextId = 1;
    private int inFlightId = -1;
    private long inFlightTargetBps;
    private long inFlightStartEstimateBps;
    private long inFlightSinceNanos;
    private boolean continueNow = true;
    private boolean hasProbed;
    private long lastProbeNanos;
    private long probesRequested;
    private int consecutiveFailures;

    /** The next cluster to send, or null when none is due. */
    ProbeCluster next(long nowNanos, long estimateBps, long wantedBps, long maxBps, DelaySignal signal) {
        if (inFlightId >= 0) {
            if (nowNanos - inFlightSinceNanos < RESULT_TIMEOUT_NANOS) {
                return null;
            }
            inFlightId = -1;
            onFailure();
        }
        if (wantedBps <= estimateBps || estimateBps >= maxBps || signal == DelaySignal.OVERUSING) {
            return null;
        }
        if (!continueNow && hasProbed && nowNanos - lastProbeNanos < periodicIntervalNanos()) {
            return null;
        }
        long wantedTarget = (long) Math.min(Long.MAX_VALUE / 4.0, WANTED_OVERSHOOT * wantedBps);
        long target = Math.min(SCALE * estimateBps, Math.min(wantedTarget, maxBps));
        if (target <= estimateBps) {
            return null;
        }
        ProbeCluster cluster = new ProbeCluster(nextId, target, PROBE_MIN_PACKETS, PROBE_DURATION_NANOS);
        nextId = nextId == Integer.MAX_VALUE ? 1 : nextId + 1;
        inFlightId = cluster.id();
        inFlightTargetBps = target;
        inFlightStartEstimateBps = estimateBps;
        inFlightSinceNanos = nowNanos;
        hasProbed = true;
        lastProbeNanos = nowNanos;
        continueNow = false;
        probesRequested++;
        return cluster;
    }

    /** The measured rate of cluster {@code id}. */
    void onResult(int id, long measuredBps) {
        if (id != inFlightId) {
            return;
        }
        inFlightId = -1;
        if (measuredBps >= SUCCESS_FRACTION * inFlightTargetBps && measuredBps >= MIN_GAIN * inFlightStartEstimateBps) {
            continueNow = true;
            consecutiveFailures = 0;
        } else {
            onFailure();
        }
    }

    private void onFailure() {
        continueNow = false;
        consecutiveFailures = Math.min(consecutiveFailures + 1, 16);
    }

    /** 5 s after one failure, doubling per further failure, at most 10 s. */
    private long periodicIntervalNanos() {
        long interval = PERIODIC_INTERVAL_NANOS << Math.max(0, consecutiveFailures - 1);
        return Math.min(MAX_PERIODIC_INTERVAL_NANOS, interval);
    }

    long probesRequested() {
        return probesRequested;
    }
}
