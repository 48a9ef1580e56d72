package dev.onair.bench.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run did to the player, from its samples (first = the start of the run, last = its end; deltas between
 * them) and its frame gaps. Pure arithmetic, no I/O. A value that cannot be known (nothing expected, no layer
 * drop, no cap) is NaN or null, never a made-up zero.
 *
 * @param runSeconds               time between the first and the last sample
 * @param videoPacketsExpected     Δ(packetsReceived + packetsLost), video
 * @param videoPacketsLost         Δ packetsLost, video (before recovery: Chromium keeps a repaired packet in it)
 * @param retransmittedPacketsReceived Δ retransmittedPacketsReceived, video
 * @param nackCount                Δ nackCount
 * @param videoLossPercent         raw loss: lost / expected
 * @param lossAfterRecoveryPercent max(0, lost − retransmitted) / expected, as e2e/RetransmissionBrowserTest counts it
 * @param recoveredPercent         the share of the lost packets repaired by retransmission; NaN when none was lost
 * @param freezeCount              Δ freezeCount
 * @param freezePercent            Δ totalFreezesDuration over the run
 * @param longestFreezeMillis      the longest gap between presented frames; 0 when there was none of 200 ms
 * @param framesPerSecond          Δ framesDecoded over the run
 * @param minFramesPerSecond       the lowest frame rate of a sampling interval
 * @param videoBitrateBps          Δ bytesReceived (video payload) over the run, in bit/s
 * @param audioLossPercent         audio Δ packetsLost / Δ(packetsReceived + packetsLost); NaN when none was expected
 * @param audioConcealmentPercent  Δ concealedSamples / Δ totalSamplesReceived; NaN when no audio arrived
 * @param referenceWidth           the frame width at the start of the run (before the impairment bites)
 * @param endWidth                 the frame width at the end
 * @param layerDownSeconds         when the player first decoded a narrower frame than the reference; null if never
 * @param longestFreezeAfterDownMillis the longest frame gap that ended after that; null without a layer drop
 * @param topLayerBackSeconds      after the cap was lifted, when the reference width came back for good: the start of
 *                                 the last stretch of samples at the reference width, in seconds after the lift (0 when
 *                                 that stretch began before it); null without a cap, without a layer drop, or when the
 *                                 run ended below the reference width
 * @param widthChanges             how often the frame width changed from one sample to the next (layer switches)
 * @param pausedIntervals          sampling intervals in which no frame was decoded
 * @param videoPaused              whether video paused: an interval without a decoded frame or a frame gap of ≥ 1 s
 * @param resumedSeconds           after the cap was lifted, when an interval first decoded ≥ 10 fps (its end, seconds
 *                                 after the lift); null without a cap or if video never resumed
 * @param widthTimeline            the frame width of every sample
 * @param gaps                     the frame gaps of the run (≥ 200 ms), for lining up with the server's report
 */
public record ScenarioMetrics(double runSeconds, long videoPacketsExpected, long videoPacketsLost,
                              long retransmittedPacketsReceived, long nackCount, double videoLossPercent,
                              double lossAfterRecoveryPercent, double recoveredPercent, long freezeCount,
                              double freezePercent, double longestFreezeMillis, double framesPerSecond,
                              double minFramesPerSecond, double videoBitrateBps, double audioLossPercent,
                              double audioConcealmentPercent,
                              int referenceWidth, int endWidth, Double layerDownSeconds,
                              Double longestFreezeAfterDownMillis, Double topLayerBackSeconds, int widthChanges,
                              int pausedIntervals,
                              boolean videoPaused, Double resumedSeconds, List<Integer> widthTimeline,
                              List<FrameGap> gaps) {
    /** A frame gap at least this long is a pause. */
    public static final double PAUSE_MILLIS = 1000;
    /** An interval decoding at least this many frames per second counts as video resumed. */
    public static final double RESUMED_FRAMES_PER_SECOND = 10;

    public ScenarioMetrics {
        widthTimeline = List.copyOf(widthTimeline);
        gaps = List.copyOf(gaps);
    }

    /**
     * The metrics of one run.
     *
     * @param samples    at least two, oldest first
     * @param gaps       the frame gaps of the run
     * @param capSeconds when the cap was lifted, seconds from the first sample; 0 = no cap
     */
    public static ScenarioMetrics of(List<PlayerSample> samples, List<FrameGap> gaps, int capSeconds) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("need at least two samples, got " + samples.size());
        }
        PlayerSample first = samples.get(0);
        PlayerSample last = samples.get(samples.size() - 1);
        double runSeconds = (last.atMillis() - first.atMillis()) / 1000.0;
        long lost = last.videoPacketsLost() - first.videoPacketsLost();
        long received = last.videoPacketsReceived() - first.videoPacketsReceived();
        long expected = lost + received;
        long retransmitted = last.retransmittedPacketsReceived() - first.retransmittedPacketsReceived();
        long lostAfter = Math.max(0, lost - retransmitted);
        long concealed = last.concealedSamples() - first.concealedSamples();
        long audioLost = last.audioPacketsLost() - first.audioPacketsLost();
        long audioSamples = last.totalSamplesReceived() - first.totalSamplesReceived();

        double minFps = Double.NaN;
        int pausedIntervals = 0;
        Double resumedSeconds = null;
        double capMillis = first.atMillis() + capSeconds * 1000.0;
        for (int i = 1; i < samples.size(); i++) {
            PlayerSample a = samples.get(i - 1);
            PlayerSample b = samples.get(i);
            double seconds = (b.atMillis() - a.atMillis()) / 1000.0;
            long frames = b.framesDecoded() - a.framesDecoded();
            double fps = seconds > 0 ? frames / seconds : Double.NaN;
            minFps = Double.isNaN(minFps) || fps < minFps ? fps : minFps;
            pausedIntervals += frames == 0 ? 1 : 0;
            if (capSeconds > 0 && resumedSeconds == null && a.atMillis() >= capMillis
                    && fps >= RESUMED_FRAMES_PER_SECOND) {
                resumedSeconds = (b.atMillis() - capMillis) / 1000.0;
            }
        }

        int reference = first.frameWidth();
        PlayerSample down = null;
        for (PlayerSample s : samples) {
            if (s.frameWidth() > 0 && s.frameWidth() < reference) {
                down = s;
                break;
            }
        }
        Double layerDown = down == null ? null : (down.atMillis() - first.atMillis()) / 1000.0;
        Double freezeAfterDown = null;
        double longest = 0;
        for (FrameGap g : gaps) {
            longest = Math.max(longest, g.gapMillis());
            if (down != null && g.endMillis() >= down.atMillis()) {
                freezeAfterDown = Math.max(freezeAfterDown == null ? 0 : freezeAfterDown, g.gapMillis());
            }
        }
        if (down != null && freezeAfterDown == null) {
            freezeAfterDown = 0.0;
        }
        Double topBack = null;
        if (capSeconds > 0 && down != null && last.frameWidth() >= reference) {
            int i = samples.size() - 1;
            while (i > 0 && samples.get(i - 1).frameWidth() >= reference) {
                i--;
            }
            topBack = Math.max(0, samples.get(i).atMillis() - capMillis) / 1000.0;
        }
        List<Integer> widths = new ArrayList<>(samples.size());
        int widthChanges = 0;
        for (PlayerSample s : samples) {
            widthChanges += !widths.isEmpty() && widths.get(widths.size() - 1) != s.frameWidth() ? 1 : 0;
            widths.add(s.frameWidth());
        }
        return new ScenarioMetrics(runSeconds, expected, lost, retransmitted, last.nackCount() - first.nackCount(),
                percent(lost, expected), percent(lostAfter, expected), percent(lost - lostAfter, lost),
                last.freezeCount() - first.freezeCount(),
                runSeconds > 0 ? 100.0 * (last.totalFreezesDurationSeconds() - first.totalFreezesDurationSeconds())
                        / runSeconds : Double.NaN,
                longest, runSeconds > 0 ? (last.framesDecoded() - first.framesDecoded()) / runSeconds : Double.NaN,
                minFps, runSeconds > 0 ? 8.0 * (last.videoBytesReceived() - first.videoBytesReceived()) / runSeconds
                        : Double.NaN,
                percent(audioLost, audioLost + last.audioPacketsReceived() - first.audioPacketsReceived()),
                percent(concealed, audioSamples), reference, last.frameWidth(), layerDown, freezeAfterDown, topBack,
                widthChanges, pausedIntervals, pausedIntervals > 0 || longest >= PAUSE_MILLIS,
                capSeconds > 0 ? resumedSeconds : null, widths, gaps);
    }

    static double percent(long part, long whole) {
        return whole <= 0 ? Double.NaN : 100.0 * part / whole;
    }
}
