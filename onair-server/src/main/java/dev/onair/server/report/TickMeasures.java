package dev.onair.server.report;

import dev.onair.lab.quality.QualitySample;
import dev.onair.sfu.api.SessionReport.TrackSample;

/**
 * One telemetry tick of a participant's tracks reduced to the measures the connection tier is judged on: mean audio
 * MOS (and R), the lowest video score, the highest RTT and loss, and whether packets flowed. The one rule shared by
 * the session report's tier timeline ({@link SessionScoring}) and the live tier ({@link TierAssessor}).
 */
final class TickMeasures {
    private double mosSum;
    private double ratingSum;
    private int audioTracks;
    private double videoScore = Double.NaN;
    private double rttMillis;
    private double lossPercent;
    private boolean packets;

    /** Adds one track's sample of this tick and its scores. */
    void add(TrackSample s, ScoredReport.Score sc) {
        packets |= s.packetRate() > 0;
        if (sc.mos() != null) {
            mosSum += sc.mos();
            ratingSum += sc.rating() == null ? 0 : sc.rating();
            audioTracks++;
        }
        if (sc.videoScore() != null) {
            videoScore = Double.isNaN(videoScore) ? sc.videoScore() : Math.min(videoScore, sc.videoScore());
        }
        if (s.rttMillis() != null) {
            rttMillis = Math.max(rttMillis, s.rttMillis());
        }
        if (s.lossAfterRetransmissionPercent() != null) {
            lossPercent = Math.max(lossPercent, s.lossAfterRetransmissionPercent());
        }
    }

    /** Marks that packets flowed this tick (e.g. the transport received datagrams). */
    void packetsFlowed() {
        packets = true;
    }

    boolean packets() {
        return packets;
    }

    /** Mean MOS of the audio tracks; NaN when none was scored. */
    double meanMos() {
        return audioTracks == 0 ? Double.NaN : mosSum / audioTracks;
    }

    /** Mean E-model R of the audio tracks; NaN when none was scored. */
    double meanRating() {
        return audioTracks == 0 ? Double.NaN : ratingSum / audioTracks;
    }

    /** Lowest video score; NaN when none was scored. */
    double videoScore() {
        return videoScore;
    }

    /** The tracker's input: unmeasured RTT and loss count as 0 (docs/quality.md §4). */
    QualitySample sample(long lastPacketAtNanos) {
        return new QualitySample(meanMos(), videoScore, rttMillis, lossPercent, lastPacketAtNanos);
    }
}
