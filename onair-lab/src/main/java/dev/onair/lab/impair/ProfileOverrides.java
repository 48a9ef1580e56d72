package dev.onair.lab.impair;

import java.util.Objects;

/**
 * Some impairment parameters, each null when not given: a scenario step's {@code set}, applied on top of the
 * profile in effect. Setting {@code rateBps} replaces a trace; setting {@code trace} replaces a rate.
 * Field meanings and units are those of {@link ImpairmentProfile}.
 */
public record ProfileOverrides(
        LossSpec loss,
        Double delayMillis,
        Double jitterMillis,
        JitterDistribution jitterDistribution,
        Boolean reorderAllowed,
        Double duplicateProbability,
        Long rateBps,
        MahimahiTrace trace,
        QueueLimit queueLimit,
        Boolean blackout) {

    /** Overrides that change nothing. */
    public static final ProfileOverrides EMPTY = builder().overrides();

    public ProfileOverrides {
        if (rateBps != null && trace != null) {
            throw new IllegalArgumentException("set either rateBps or trace, not both");
        }
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The profile {@code base} with these overrides applied.
     *
     * @throws IllegalArgumentException when a value is out of range
     */
    public ImpairmentProfile applyTo(ImpairmentProfile base) {
        Objects.requireNonNull(base, "base");
        MahimahiTrace newTrace = trace != null ? trace : rateBps != null ? null : base.trace();
        return new ImpairmentProfile(
                loss != null ? loss : base.loss(),
                delayMillis != null ? delayMillis : base.delayMillis(),
                jitterMillis != null ? jitterMillis : base.jitterMillis(),
                jitterDistribution != null ? jitterDistribution : base.jitterDistribution(),
                reorderAllowed != null ? reorderAllowed : base.reorderAllowed(),
                duplicateProbability != null ? duplicateProbability : base.duplicateProbability(),
                rateBps != null ? rateBps : base.rateBps(),
                newTrace,
                queueLimit != null ? queueLimit : base.queueLimit(),
                blackout != null ? blackout : base.blackout());
    }

    /** Collects overrides; {@link #build()} applies them to {@link ImpairmentProfile#NONE}. */
    public static final class Builder {
        private LossSpec loss;
        private Double delayMillis;
        private Double jitterMillis;
        private JitterDistribution jitterDistribution;
        private Boolean reorderAllowed;
        private Double duplicateProbability;
        private Long rateBps;
        private MahimahiTrace trace;
        private QueueLimit queueLimit;
        private Boolean blackout;

        private Builder() {
        }

        public Builder loss(LossSpec value) {
            loss = value;
            return this;
        }

        public Builder delayMillis(double value) {
            delayMillis = value;
            return this;
        }

        public Builder jitterMillis(double value) {
            jitterMillis = value;
            return this;
        }

        public Builder jitterDistribution(JitterDistribution value) {
            jitterDistribution = value;
            return this;
        }

        public Builder reorderAllowed(boolean value) {
            reorderAllowed = value;
            return this;
        }

        public Builder duplicateProbability(double value) {
            duplicateProbability = value;
            return this;
        }

        public Builder rateBps(long value) {
            rateBps = value;
            trace = null;
            return this;
        }

        public Builder trace(MahimahiTrace value) {
            trace = value;
            rateBps = null;
            return this;
        }

        public Builder queueLimit(QueueLimit value) {
            queueLimit = value;
            return this;
        }

        public Builder blackout(boolean value) {
            blackout = value;
            return this;
        }

        /** The overrides collected so far. */
        public ProfileOverrides overrides() {
            return new ProfileOverrides(loss, delayMillis, jitterMillis, jitterDistribution, reorderAllowed,
                    duplicateProbability, rateBps, trace, queueLimit, blackout);
        }

        /** {@link ImpairmentProfile#NONE} with the collected overrides. */
        public ImpairmentProfile build() {
            return overrides().applyTo(ImpairmentProfile.NONE);
        }
    }
}
