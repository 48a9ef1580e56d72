package dev.onair.lab.quality;

/**
 * A participant's {@link ConnectionTier} with hysteresis ({@link TierPolicy}), fed one {@link QualitySample}
 * per interval with the monotonic time of the sample. Not thread-safe: owned by the participant's loop.
 * Before the first sample the tier is GOOD; the first sample sets the tier without waiting.
 */
public final class ConnectionTierTracker {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final TierPolicy policy;
    private ConnectionTier tier = ConnectionTier.GOOD;
    private boolean started;
    private ConnectionTier pending;
    private long pendingSinceNanos;

    /** A tracker with the given policy. */
    public ConnectionTierTracker(TierPolicy policy) {
        this.policy = policy;
    }

    /** The current tier. */
    public ConnectionTier tier() {
        return tier;
    }

    /** Takes one sample at {@code nowNanos} (monotonic) and returns the tier after it. */
    public ConnectionTier update(QualitySample sample, long nowNanos) {
        if (nowNanos - sample.lastPacketAtNanos() >= policy.lostAfterMillis() * NANOS_PER_MILLI) {
            return set(ConnectionTier.LOST);
        }
        if (!started || tier == ConnectionTier.LOST) {
            started = true;
            return set(classify(sample, 0));
        }
        ConnectionTier candidate = candidate(sample);
        if (candidate == tier) {
            pending = null;
            return tier;
        }
        if (candidate != pending) {
            pending = candidate;
            pendingSinceNanos = nowNanos;
        }
        long holdMillis = candidate.isBetterThan(tier) ? policy.upgradeHoldMillis() : policy.downgradeHoldMillis();
        if (nowNanos - pendingSinceNanos >= holdMillis * NANOS_PER_MILLI) {
            return set(candidate);
        }
        return tier;
    }

    /** The tier this sample argues for, given the current tier's relaxed thresholds. */
    private ConnectionTier candidate(QualitySample sample) {
        ConnectionTier strict = classify(sample, 0);
        if (!tier.isBetterThan(strict)) {
            return strict;
        }
        ConnectionTier relaxed = classify(sample, 1);
        return relaxed.isBetterThan(tier) || relaxed == tier ? tier : relaxed;
    }

    /** EXCELLENT/GOOD/POOR against thresholds widened by {@code marginScale} times the margins. */
    ConnectionTier classify(QualitySample s, double marginScale) {
        if (passes(s, policy.excellentMinMos(), policy.excellentMinVideoScore(), policy.excellentMaxRttMillis(),
                policy.excellentMaxLossPercent(), marginScale)) {
            return ConnectionTier.EXCELLENT;
        }
        if (passes(s, policy.goodMinMos(), policy.goodMinVideoScore(), policy.goodMaxRttMillis(),
                policy.goodMaxLossPercent(), marginScale)) {
            return ConnectionTier.GOOD;
        }
        return ConnectionTier.POOR;
    }

    private boolean passes(QualitySample s, double minMos, double minVideo, double maxRtt, double maxLoss,
                           double marginScale) {
        boolean mosOk = Double.isNaN(s.mos()) || s.mos() >= minMos - marginScale * policy.mosMargin();
        boolean videoOk = Double.isNaN(s.videoScore())
                || s.videoScore() >= minVideo - marginScale * policy.videoScoreMargin();
        boolean rttOk = s.rttMillis() <= maxRtt + marginScale * policy.rttMarginMillis();
        boolean lossOk = s.lossPercent() <= maxLoss + marginScale * policy.lossMarginPercent();
        return mosOk && videoOk && rttOk && lossOk;
    }

    private ConnectionTier set(ConnectionTier next) {
        tier = next;
        pending = null;
        return tier;
    }
}
