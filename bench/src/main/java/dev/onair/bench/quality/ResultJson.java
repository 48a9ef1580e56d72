package dev.onair.bench.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One scenario's result as one JSON line (bench/target/quality-results.jsonl); NaN becomes null. */
public final class ResultJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    public static String line(ScenarioResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", r.scenario().name());
        o.put("description", r.scenario().description());
        o.put("impairment", r.scenario().scenarioYaml());
        o.put("simulcast", r.scenario().simulcast());
        o.put("y4mCamera", r.scenario().y4mCamera());
        o.put("capSeconds", r.scenario().capSeconds());
        o.put("seed", r.seed());
        o.put("error", r.error());
        o.put("playedBeforeRun", r.playedBeforeRun());
        o.put("publisherLayers", r.publisherLayers());
        ScenarioMetrics m = r.metrics();
        if (m != null) {
            ObjectNode p = o.putObject("player");
            put(p, "runSeconds", m.runSeconds());
            p.put("videoPacketsExpected", m.videoPacketsExpected());
            p.put("videoPacketsLost", m.videoPacketsLost());
            p.put("retransmittedPacketsReceived", m.retransmittedPacketsReceived());
            p.put("nackCount", m.nackCount());
            put(p, "videoLossPercent", m.videoLossPercent());
            put(p, "lossAfterRecoveryPercent", m.lossAfterRecoveryPercent());
            put(p, "recoveredPercent", m.recoveredPercent());
            p.put("freezeCount", m.freezeCount());
            put(p, "freezePercent", m.freezePercent());
            put(p, "longestFreezeMillis", m.longestFreezeMillis());
            put(p, "framesPerSecond", m.framesPerSecond());
            put(p, "minFramesPerSecond", m.minFramesPerSecond());
            put(p, "videoBitrateBps", m.videoBitrateBps());
            put(p, "audioLossPercent", m.audioLossPercent());
            put(p, "audioConcealmentPercent", m.audioConcealmentPercent());
            p.put("referenceWidth", m.referenceWidth());
            p.put("endWidth", m.endWidth());
            put(p, "layerDownSeconds", m.layerDownSeconds());
            put(p, "longestFreezeAfterDownMillis", m.longestFreezeAfterDownMillis());
            put(p, "topLayerBackSeconds", m.topLayerBackSeconds());
            p.put("widthChanges", m.widthChanges());
            p.put("pausedIntervals", m.pausedIntervals());
            p.put("videoPaused", m.videoPaused());
            put(p, "resumedSeconds", m.resumedSeconds());
            m.widthTimeline().forEach(p.putArray("widthTimeline")::add);
            // Frame gaps ≥ 200 ms with the time (ms into the run) each ended, to line up with the server's report.
            var gaps = p.putArray("frameGaps");
            m.gaps().forEach(g -> gaps.addObject().put("endMillis", Math.round(g.endMillis()))
                    .put("gapMillis", Math.round(g.gapMillis())));
        }
        ServerReport s = r.server();
        ObjectNode sv = o.putObject("server");
        sv.put("worstTier", s.worstTier());
        sv.put("endTier", s.endTier());
        put(sv, "meanMos", s.meanMos());
        put(sv, "minMos", s.minMos());
        put(sv, "meanVideoScore", s.meanVideoScore());
        put(sv, "minVideoScore", s.minVideoScore());
        sv.put("queueDrops", s.queueDrops());
        sv.put("retransmitted", s.retransmitted());
        sv.put("shaperRtpOffered", s.shaperRtpOffered());
        sv.put("shaperRtpDropped", s.shaperRtpDropped());
        put(sv, "queueingDelayMillis", s.maxQueueDelayMillis());
        o.putArray("targets").addAll(TargetCheck.of(r).stream().map(c -> JSON.createObjectNode()
                .put("target", c.target()).put("measured", c.measured()).put("met", c.met())).toList());
        return o.toString();
    }

    private static void put(ObjectNode o, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            o.putNull(field);
        } else {
            o.put(field, value.doubleValue());
        }
    }
}
