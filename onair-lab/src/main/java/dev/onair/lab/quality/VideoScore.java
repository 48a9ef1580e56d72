package dev.onair.lab.quality;

/**
 * A 0–100 video score: the product of four factors in 0..1, each a function of one input and monotone in it,
 * 100 when the subscriber sees exactly what the publisher sends without freezes or stalls.
 *
 * <pre>
 *   score = 100 · F · T · S · K
 *   F = (1 - f)^2                                   freezes, f = freeze ratio 0..1
 *   T = (1 - e^(-b·t)) / (1 - e^(-b)),  b = 4      frame rate, t = received / published fps, 0..1
 *   S = (1 - e^(-c·s)) / (1 - e^(-c)),  c = 3      resolution, s = sqrt(received / published pixels), 0..1
 *   K = e^(-k·n),                       k = 0.15   stalls, n = stall events per minute
 * </pre>
 *
 * T and S take the inverted-exponential saturation form that Ou, Ma and Wang fitted to subjective tests of
 * temporal resolution (ICIP 2008), later used for spatial resolution too (Ou, Xue and Wang, "Q-STAR", IEEE
 * TIP 2014): halving the frame rate costs less than halving it again. The constants {@code b} and {@code c}
 * are our choices, not values from those papers. K follows Hoßfeld et al. ("Quantification of YouTube QoE
 * via Crowdsourcing", IEEE ISM 2011), who found the number of stalls, more than their length, drives the
 * MOS of streamed video, with an exponential decay per stall;
 * the freeze time itself is charged by F (squared so that a picture frozen half the time scores a quarter).
 * Unknown publisher values (0) give a ratio of 1; a NaN input, a negative rate or pixel count counts as the
 * worst case; a negative freeze ratio or stall count is clamped to 0.
 * The full rationale is in {@code docs/quality.md}.
 */
public final class VideoScore {

    /** The frame-rate saturation constant b. */
    public static final double FRAME_RATE_SHAPE = 4.0;
    /** The resolution saturation constant c. */
    public static final double RESOLUTION_SHAPE = 3.0;
    /** The per-stall decay k. */
    public static final double STALL_DECAY_PER_STALL_PER_MINUTE = 0.15;

    private VideoScore() {
    }

    /** The 0–100 score. Never throws. */
    public static double score(VideoConditions c) {
        return 100 * freezeFactor(c.freezeRatio())
                * frameRateFactor(ratio(c.receivedFramesPerSecond(), c.publishedFramesPerSecond()))
                * resolutionFactor(Math.sqrt(ratio(c.receivedPixels(), c.publishedPixels())))
                * stallFactor(c.stallsPerMinute());
    }

    /** F for a freeze ratio (NaN as 1). */
    public static double freezeFactor(double freezeRatio) {
        double f = Double.isNaN(freezeRatio) ? 1 : Math.max(0, Math.min(1, freezeRatio));
        return (1 - f) * (1 - f);
    }

    /** T for a frame-rate ratio 0..1. */
    public static double frameRateFactor(double frameRateRatio) {
        return saturate(frameRateRatio, FRAME_RATE_SHAPE);
    }

    /** S for a linear resolution ratio 0..1 (square root of the pixel ratio). */
    public static double resolutionFactor(double linearResolutionRatio) {
        return saturate(linearResolutionRatio, RESOLUTION_SHAPE);
    }

    /** K for stall events per minute (NaN counts as infinitely many). */
    public static double stallFactor(double stallsPerMinute) {
        if (Double.isNaN(stallsPerMinute)) {
            return 0;
        }
        return Math.exp(-STALL_DECAY_PER_STALL_PER_MINUTE * Math.max(0, stallsPerMinute));
    }

    private static double saturate(double ratio, double shape) {
        double x = Double.isNaN(ratio) ? 0 : Math.max(0, Math.min(1, ratio));
        return (1 - Math.exp(-shape * x)) / (1 - Math.exp(-shape));
    }

    private static double ratio(double received, double published) {
        if (Double.isNaN(received) || Double.isNaN(published) || received < 0 || published < 0) {
            return 0;
        }
        if (published == 0) {
            return 1;
        }
        return Math.min(1, received / published);
    }
}
