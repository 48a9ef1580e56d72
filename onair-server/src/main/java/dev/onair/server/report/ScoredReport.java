package dev.onair.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.SessionReport.CongestionSample;
import dev.onair.sfu.api.SessionReport.LayerSwitch;
import dev.onair.sfu.api.SessionReport.SessionSample;
import dev.onair.sfu.api.SessionReport.TrackSample;
import java.util.List;

/**
 * The body of {@code GET /api/v1/sessions/{id}/report}: the SFU's {@link dev.onair.sfu.api.SessionReport} with
 * scores. {@code impairment} is the network lab's setting and counters for this participant (always written, null
 * when none is set); {@code impairmentPeriods} when settings held (empty when none ever did); {@code congestion} and
 * {@code layerSwitches} are a subscriber's bandwidth estimate, allocation and simulcast switches (empty otherwise).
 */
public record ScoredReport(String resourceId, String room, String identity, String kind, String state,
                           int capacity, List<SessionSample> samples, List<Track> tracks, Quality quality,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Object impairment,
                           List<?> impairmentPeriods, List<CongestionSample> congestion,
                           List<LayerSwitch> layerSwitches) {

    public ScoredReport(String resourceId, String room, String identity, String kind, String state, int capacity,
                        List<SessionSample> samples, List<Track> tracks, Quality quality, Object impairment) {
        this(resourceId, room, identity, kind, state, capacity, samples, tracks, quality, impairment, List.of(),
                List.of(), List.of());
    }

    /** The same report with the session's congestion control series (subscribers). */
    public ScoredReport withCongestion(List<CongestionSample> newCongestion, List<LayerSwitch> newSwitches) {
        return new ScoredReport(resourceId, room, identity, kind, state, capacity, samples, tracks, quality,
                impairment, impairmentPeriods, newCongestion, newSwitches);
    }

    /** The same report with the network lab's setting and counters for this participant (null: none). */
    public ScoredReport withImpairment(Object newImpairment) {
        return new ScoredReport(resourceId, room, identity, kind, state, capacity, samples, tracks, quality,
                newImpairment, impairmentPeriods, congestion, layerSwitches);
    }

    /**
     * The same report with the periods during which a network-lab setting held for this participant (oldest
     * first: {@code fromMillis}, {@code untilMillis} (absent while it holds), direction, preset or scenario,
     * seed), for the report page's bands.
     */
    public ScoredReport withImpairmentPeriods(List<?> periods) {
        return new ScoredReport(resourceId, room, identity, kind, state, capacity, samples, tracks, quality,
                impairment, periods, congestion, layerSwitches);
    }

    /**
     * One track's samples and, aligned with them, its scores; {@code latest} is the last score or null;
     * {@code client} the browser's own view of the track ({@code client_stats}, joined by SSRC), oldest first,
     * empty when its browser uploads none.
     */
    public record Track(String mid, String kind, String direction, String trackSid, Long ssrc,
                        List<TrackSample> samples, List<Score> scores, Score latest, List<ClientSample> client) {
    }

    /**
     * The scores of one track sample: {@code mos} and {@code rating} (E-model R) for audio, {@code videoScore}
     * (0..100) for video; null where the sample lacks what the score needs (no loss known: nothing was expected).
     * {@code rttMeasured} false means no RTT was measured and 0 was assumed (publisher side), so the delay
     * impairment is then the jitter buffer's only. {@code fromClient} true means the browser's own stats (the
     * nearest client sample) fed the score (docs/quality.md §5).
     */
    public record Score(long atMillis, Double mos, Double rating, Double videoScore, boolean rttMeasured,
                        boolean fromClient) {

        /** A score from the server's telemetry alone. */
        public Score(long atMillis, Double mos, Double rating, Double videoScore, boolean rttMeasured) {
            this(atMillis, mos, rating, videoScore, rttMeasured, false);
        }
    }

    /**
     * The session's quality: its connection tier now and after each session sample (replayed through a fresh
     * {@code ConnectionTierTracker}), and the mean MOS of its audio tracks' latest scores (null without audio).
     */
    public record Quality(String tier, List<TierAt> tiers, Double meanMos, Double minVideoScore) {
    }

    public record TierAt(long atMillis, String tier) {
    }
}
