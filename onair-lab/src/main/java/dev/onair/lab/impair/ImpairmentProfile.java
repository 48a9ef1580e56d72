package dev.onair.lab.impair;

import java.util.Objects;

/**
 * The impairment parameters in effect at one moment. Immutable; a {@link Scenario} is a base profile plus
 * time-bounded {@link ProfileOverrides}. Build one with {@link #builder()}.
 *
 * @param loss random loss model
 * @param delayMillis base one-way delay added to every datagram (after the bottleneck)
 * @param jitterMillis spread of the delay around {@code delayMillis} (see {@link JitterDistribution})
 * @param jitterDistribution shape of the jitter
 * @param reorderAllowed true: each datagram's delay is drawn independently, so a datagram can overtake an earlier
 *     one when the jitter exceeds the gap between them; false: delivery times never go backwards
 *     ({@code max(previous, candidate)}), like a FIFO link with variable delay
 * @param duplicateProbability probability that a delivered datagram is delivered twice
 * @param rateBps bottleneck rate in bits per second; 0 = unlimited (ignored while {@code trace} is set)
 * @param trace a Mahimahi trace that drives the bottleneck instead of a constant rate; null = none
 * @param queueLimit the bottleneck's drop-tail queue capacity
 * @param blackout true: every datagram is dropped ({@link DropReason#BLACKOUT})
 */
public record ImpairmentProfile(
        LossSpec loss,
        double delayMillis,
        double jitterMillis,
        JitterDistribution jitterDistribution,
        boolean reorderAllowed,
        double duplicateProbability,
        long rateBps,
        MahimahiTrace trace,
        QueueLimit queueLimit,
        boolean blackout) {

    /** No impairment at all. */
    public static final ImpairmentProfile NONE = new ImpairmentProfile(LossSpec.NONE, 0, 0,
            JitterDistribution.NORMAL, false, 0, 0, null, QueueLimit.DEFAULT, false);

    public ImpairmentProfile {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(jitterDistribution, "jitterDistribution");
        Objects.requireNonNull(queueLimit, "queueLimit");
        Probabilities.checkNonNegative("delayMillis", delayMillis);
        Probabilities.checkNonNegative("jitterMillis", jitterMillis);
        Probabilities.check("duplicateProbability", duplicateProbability);
        if (rateBps < 0) {
            throw new IllegalArgumentException("rateBps must be >= 0 (0 = unlimited), got " + rateBps);
        }
    }

    /** A builder starting from {@link #NONE}. */
    public static ProfileOverrides.Builder builder() {
        return ProfileOverrides.builder();
    }

    /** True when this profile has a bottleneck (a rate or a trace). */
    public boolean rateLimited() {
        return trace != null || rateBps > 0;
    }

    /** True when this profile changes nothing: every datagram is delivered at once, exactly once. */
    public boolean neutral() {
        return loss.meanLossRatio() == 0 && delayMillis == 0 && jitterMillis == 0 && duplicateProbability == 0
                && !rateLimited() && !blackout;
    }
}
