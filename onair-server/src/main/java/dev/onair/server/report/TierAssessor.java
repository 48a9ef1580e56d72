package dev.onair.server.report;

import dev.onair.lab.quality.ConnectionTier;
import dev.onair.lab.quality.ConnectionTierTracker;
import dev.onair.lab.quality.QualitySample;
import dev.onair.lab.quality.TierPolicy;
import dev.onair.sfu.api.QualityAssessor;
import dev.onair.sfu.api.SessionReport;
import java.util.List;
import java.util.Locale;

/**
 * The live connection tier, the SFU's {@link QualityAssessor}. It lives here, beside {@link SessionScoring}, because
 * this is where the SFU's telemetry meets onair-lab's scores: each track sample is scored exactly as in the session
 * report, and a tick's scores become one {@link QualitySample} by the same rules as the report's tier (mean MOS,
 * lowest video score, highest RTT, highest loss; unknown RTT and loss count as 0). The SFU core stays free of
 * scoring, and the badge agrees with the report.
 *
 * <p>A participant's tier is unknown until a tick in which packets arrived from it or flowed to it; after that a
 * tick without any counts towards LOST ({@link TierPolicy#lostAfterMillis()}). The {@code score} is 0..100: the
 * lower of the mean audio rating (E-model R) and the lowest video score, null when neither is known.
 */
public final class TierAssessor implements QualityAssessor {
    private final SessionScoring scoring;
    private final TierPolicy policy;

    public TierAssessor(SessionScoring scoring, TierPolicy policy) {
        this.scoring = scoring;
        this.policy = policy;
    }

    public static TierAssessor withDefaults() {
        return new TierAssessor(SessionScoring.withDefaults(), TierPolicy.defaults());
    }

    @Override
    public Judge newJudge() {
        return new TierJudge();
    }

    /** The wire name of a tier: lower case. */
    public static String wireName(ConnectionTier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    private final class TierJudge implements Judge {
        private final ConnectionTierTracker tracker = new ConnectionTierTracker(policy);
        private boolean sawPackets;
        private long lastPacketAtNanos;

        @Override
        public Verdict update(Tick tick, long nowNanos) {
            TickMeasures m = new TickMeasures();
            if (tick.packetRateIn() > 0) {
                m.packetsFlowed();
            }
            for (TrackTick t : tick.tracks()) {
                SessionReport.TrackSample s = t.sample();
                m.add(s, scoring.score(
                        new SessionReport.TrackReport("", t.kind(), t.direction(), null, null, List.of()), s));
            }
            if (m.packets()) {
                sawPackets = true;
                lastPacketAtNanos = nowNanos;
            }
            if (!sawPackets) {
                return null;
            }
            ConnectionTier tier = tracker.update(m.sample(lastPacketAtNanos), nowNanos);
            double mos = m.meanMos();
            return new Verdict(wireName(tier), score(m.meanRating(), m.videoScore()),
                    Double.isNaN(mos) ? null : Math.round(mos * 100) / 100.0);
        }
    }

    /** The lower of the two 0..100 measures that are known, to one decimal; null when neither is. */
    static Double score(double rating, double videoScore) {
        double s = Double.isNaN(rating) ? videoScore : Double.isNaN(videoScore) ? rating : Math.min(rating, videoScore);
        return Double.isNaN(s) ? null : Math.round(Math.max(0, Math.min(100, s)) * 10) / 10.0;
    }
}
