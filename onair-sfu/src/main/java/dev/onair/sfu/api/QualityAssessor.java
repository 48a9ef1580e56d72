package dev.onair.sfu.api;

import java.util.List;

/**
 * Judges a participant's connection from its per-second telemetry. The SFU core knows no scoring (the E-model and
 * the tier policy live in onair-lab, which depends on the SFU), so the composition root supplies an assessor; the
 * SFU calls it once per telemetry tick for each participant with media sessions and publishes the verdicts as
 * {@link RoomEvent.ConnectionQuality}.
 */
@FunctionalInterface
public interface QualityAssessor {

    /** A fresh judge for one participant (called on the media loop when it first has telemetry). */
    Judge newJudge();

    /** One participant's judge; keeps its own hysteresis. Media loop only; must not throw. */
    @FunctionalInterface
    interface Judge {
        /** This tick's telemetry at {@code nowNanos} (monotonic); the verdict, or null while the tier is unknown. */
        Verdict update(Tick tick, long nowNanos);
    }

    /**
     * One telemetry tick of a participant, all its sessions together.
     *
     * @param packetRateIn datagrams per second its transports received (RTP, RTCP) in this tick
     * @param tracks       the sample of each of its tracks taken in this tick
     */
    record Tick(double packetRateIn, List<TrackTick> tracks) {
        public Tick {
            tracks = List.copyOf(tracks);
        }
    }

    /**
     * One track's sample of this tick.
     *
     * @param kind      "audio" or "video"
     * @param direction "in" (from the participant) or "out" (to it)
     */
    record TrackTick(String kind, String direction, SessionReport.TrackSample sample) {
    }

    /**
     * A verdict: the tier's wire name ({@code excellent}, {@code good}, {@code poor}, {@code lost}), a 0..100
     * score, or null when none is known, and the mean audio MOS (1..4.5), or null when there is no audio.
     */
    record Verdict(String tier, Double score, Double mos) {
        /** Without an audio MOS. */
        public Verdict(String tier, Double score) {
            this(tier, score, null);
        }
    }
}
