package dev.onair.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server's session report (GET /api/v1/sessions/{id}/report, docs/admin-api.md) says about the player's
 * session at the end of a run. The server exposes no queueing delay; its send queue's drops are the nearest thing.
 *
 * @param tier             the session's connection tier ({@code quality.tier}); null when unknown
 * @param meanMos          mean E-model MOS of the audio tracks' latest scores ({@code quality.meanMos})
 * @param minVideoScore    the lowest video score, 0–100 ({@code quality.minVideoScore})
 * @param queueDrops       packets the player's send queue dropped, summed over the report's session samples (the
 *                         whole session, warm-up included)
 * @param retransmitted    packets the server resent for the player's NACKs, summed over the {@code out} video samples
 * @param shaperRtpOffered RTP datagrams the lab's downlink shaper saw ({@code impairment.down.rtpDatagrams}); 0 when
 *                         no impairment was set
 * @param shaperRtpDropped of those, dropped
 */
public record ServerReport(String tier, Double meanMos, Double minVideoScore, long queueDrops, long retransmitted,
                           long shaperRtpOffered, long shaperRtpDropped) {

    /** Nothing known (the report could not be read). */
    public static final ServerReport UNKNOWN = new ServerReport(null, null, null, 0, 0, 0, 0);

    public static ServerReport from(JsonNode report) {
        JsonNode quality = report.path("quality");
        long queueDrops = 0;
        for (JsonNode s : report.path("samples")) {
            queueDrops += s.path("queueDrops").asLong();
        }
        long retransmitted = 0;
        for (JsonNode track : report.path("tracks")) {
            for (JsonNode s : track.path("samples")) {
                retransmitted += s.path("retransmitted").asLong();
            }
        }
        JsonNode down = report.path("impairment").path("down");
        return new ServerReport(quality.hasNonNull("tier") ? quality.get("tier").asText() : null,
                number(quality, "meanMos"), number(quality, "minVideoScore"), queueDrops, retransmitted,
                down.path("rtpDatagrams").asLong(), down.path("rtpDropped").asLong());
    }

    /** The share of RTP the shaper dropped; NaN without an impairment. */
    public double shaperLossPercent() {
        return ScenarioMetrics.percent(shaperRtpDropped, shaperRtpOffered);
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }
}
