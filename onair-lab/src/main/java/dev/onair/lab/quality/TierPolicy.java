package dev.onair.lab.quality;

/**
 * Thresholds and hysteresis of {@link ConnectionTierTracker}. A sample is EXCELLENT when every measure passes
 * the excellent thresholds, GOOD when every measure passes the good ones, else POOR. Hysteresis is twofold:
 * <ul>
 *   <li>a margin: to stay in its tier a participant is judged against thresholds relaxed by the margins
 *       ({@code mos - mosMargin}, {@code videoScore - videoScoreMargin}, {@code rtt + rttMarginMillis},
 *       {@code loss + lossMarginPercent}), to rise it must pass the strict ones;</li>
 *   <li>a dwell time: a lower tier is taken after it held for {@code downgradeHoldMillis}, a higher one after
 *       {@code upgradeHoldMillis} (longer: quality must prove itself before the badge turns green).</li>
 * </ul>
 * LOST is immediate once no packet arrived for {@code lostAfterMillis}, and left at the first sample with a
 * fresh packet.
 */
public record TierPolicy(
        double excellentMinMos, double goodMinMos,
        double excellentMinVideoScore, double goodMinVideoScore,
        double excellentMaxRttMillis, double goodMaxRttMillis,
        double excellentMaxLossPercent, double goodMaxLossPercent,
        double mosMargin, double videoScoreMargin, double rttMarginMillis, double lossMarginPercent,
        long downgradeHoldMillis, long upgradeHoldMillis, long lostAfterMillis) {

    private static final TierPolicy DEFAULTS = new TierPolicy(
            4.0, 3.6,
            80, 50,
            300, 600,
            2, 8,
            0.1, 5, 50, 1,
            2_000, 5_000, 5_000);

    /**
     * Defaults: MOS 4.0 / 3.6 (G.107 Annex B: R 80 "satisfied" and R 70 "some users dissatisfied"), video
     * 80 / 50, RTT 300 / 600 ms (one-way 150 / 300 ms, the G.114 bounds), loss 2 / 8 %; margins 0.1 MOS, 5
     * points, 50 ms, 1 %; downgrade after 2 s, upgrade after 5 s, lost after 5 s without packets.
     */
    public static TierPolicy defaults() {
        return DEFAULTS;
    }

    /** Validates orderings and durations. */
    public TierPolicy {
        if (excellentMinMos < goodMinMos || excellentMinVideoScore < goodMinVideoScore
                || excellentMaxRttMillis > goodMaxRttMillis || excellentMaxLossPercent > goodMaxLossPercent) {
            throw new IllegalArgumentException("excellent thresholds must be at least as strict as good ones");
        }
        if (mosMargin < 0 || videoScoreMargin < 0 || rttMarginMillis < 0 || lossMarginPercent < 0) {
            throw new IllegalArgumentException("margins must be >= 0");
        }
        if (downgradeHoldMillis < 0 || upgradeHoldMillis < 0 || lostAfterMillis <= 0) {
            throw new IllegalArgumentException("hold times must be >= 0 and lostAfterMillis > 0");
        }
    }
}
