package dev.onair.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the server's session report (GET /api/v1/sessions/{id}/report, docs/admin-api.md) says about the player's
 * session over the run: the samples, scores and tiers stamped after {@code windowStartMillis} (the server's time of
 * its last session sample before the run, so no clock of ours is read).
 *
 * @param worstTier        the worst connection tier of the run ({@code quality.tiers}); null when unknown
 * @param endTier          the tier at the end ({@code quality.tier})
 * @param meanMos          mean E-model MOS of the audio tracks' scores in the run
 * @param minMos           the lowest of them
 * @param meanVideoScore   mean video score (0–100) of the video tracks' scores in the run
 * @param minVideoScore    the lowest of them
 * @param queueDrops       packets the player's send queue dropped in the run
 * @param retransmitted    packets the server resent for the player's NACKs in the run
 * @param shaperRtpOffered RTP datagrams the lab's downlink shaper saw ({@code impairment.down.rtpDatagrams}); 0 when
 *                         no impairment was set
 * @param shaperRtpDropped of those, dropped
 * @param maxQueueDelayMillis the longest a packet waited in the server's send queue (pacer) in the run, from the
 *                         report's congestion samples; null when the report has none
 */
public record ServerReport(String worstTier, String endTier, Double meanMos, Double minMos, Double meanVideoScore,
                           Double minVideoScore, long queueDrops, long retransmitted, long shaperRtpOffered,
                           long shaperRtpDropped, Double maxQueueDelayMillis) {

    /** Tiers from best to worst (TierAssessor's wire names). */
    static final List<String> TIERS = List.of("excellent", "good", "poor", "lost");

    /** Nothing known (the report could not be read). */
    public static final ServerReport UNKNOWN = new ServerReport(null, null, null, null, null, null, 0, 0, 0, 0, null);

    /** The time of the report's last session sample; 0 when it has none yet. */
    public static long lastSampleMillis(JsonNode report) {
        long last = 0;
        for (JsonNode s : report.path("samples")) {
            last = Math.max(last, s.path("atMillis").asLong());
        }
        return last;
    }

    public static ServerReport from(JsonNode report, long windowStartMillis) {
        long queueDrops = 0;
        for (JsonNode s : report.path("samples")) {
            if (s.path("atMillis").asLong() > windowStartMillis) {
                queueDrops += s.path("queueDrops").asLong();
            }
        }
        long retransmitted = 0;
        Stat mos = new Stat();
        Stat video = new Stat();
        for (JsonNode track : report.path("tracks")) {
            for (JsonNode s : track.path("samples")) {
                if (s.path("atMillis").asLong() > windowStartMillis) {
                    retransmitted += s.path("retransmitted").asLong();
                }
            }
            for (JsonNode sc : track.path("scores")) {
                if (sc.path("atMillis").asLong() > windowStartMillis) {
                    mos.add(sc.get("mos"));
                    video.add(sc.get("videoScore"));
                }
            }
        }
        JsonNode quality = report.path("quality");
        String worst = null;
        for (JsonNode t : quality.path("tiers")) {
            String tier = t.path("tier").asText(null);
            if (t.path("atMillis").asLong() > windowStartMillis && TIERS.contains(tier)
                    && (worst == null || TIERS.indexOf(tier) > TIERS.indexOf(worst))) {
                worst = tier;
            }
        }
        Double maxQueueDelay = null;
        for (JsonNode c : report.path("congestion")) {
            JsonNode d = c.get("queueDelayMaxMillis");
            if (c.path("atMillis").asLong() > windowStartMillis && d != null && d.isNumber()) {
                maxQueueDelay = maxQueueDelay == null ? d.asDouble() : Math.max(maxQueueDelay, d.asDouble());
            }
        }
        JsonNode down = report.path("impairment").path("down");
        return new ServerReport(worst, quality.hasNonNull("tier") ? quality.get("tier").asText() : null, mos.mean(),
                mos.min(), video.mean(), video.min(), queueDrops, retransmitted, down.path("rtpDatagrams").asLong(),
                down.path("rtpDropped").asLong(), maxQueueDelay);
    }

    /** The share of RTP the shaper dropped; NaN without an impairment. */
    public double shaperLossPercent() {
        return ScenarioMetrics.percent(shaperRtpDropped, shaperRtpOffered);
    }

    /** Mean and minimum of the numbers added; null for none. */
    private static final class Stat {
        private double sum;
        private double min = Double.POSITIVE_INFINITY;
        private int count;

        void add(JsonNode v) {
            if (v != null && v.isNumber()) {
                sum += v.asDouble();
                min = Math.min(min, v.asDouble());
                count++;
            }
        }

        Double mean() {
            return count == 0 ? null : sum / count;
        }

        Double min() {
            return count == 0 ? null : min;
        }
    }
}
