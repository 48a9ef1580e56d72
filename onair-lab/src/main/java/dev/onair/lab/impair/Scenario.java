package dev.onair.lab.impair;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A time-varying impairment: a base profile and steps that override it for a while. At offset t (ms since the
 * impairment's origin, modulo {@code loopMillis} when it loops) the profile in effect is the base with the
 * {@code set} of every step active at t applied in list order (a later step wins where two overlap).
 *
 * @param name for reports
 * @param base the profile outside every step
 * @param steps the steps, in the file's order
 * @param loopMillis 0: play once (the last profile stays); &gt; 0: repeat every {@code loopMillis}
 * @param seed the seed the scenario asks for, if any (the caller may still pass another)
 */
public record Scenario(String name, ImpairmentProfile base, List<ScenarioStep> steps, long loopMillis,
        OptionalLong seed) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(seed, "seed");
        steps = List.copyOf(steps);
        if (loopMillis < 0) {
            throw new IllegalArgumentException("loopMillis must be >= 0, got " + loopMillis);
        }
    }

    /** A scenario that holds one profile forever. */
    public static Scenario constant(String name, ImpairmentProfile profile) {
        return new Scenario(name, profile, List.of(), 0, OptionalLong.empty());
    }

    /** The profile in effect at {@code offsetMillis} after the origin. */
    public ImpairmentProfile profileAt(long offsetMillis) {
        long t = loopMillis > 0 ? offsetMillis % loopMillis : offsetMillis;
        ImpairmentProfile profile = base;
        for (ScenarioStep step : steps) {
            if (step.activeAt(t)) {
                profile = step.set().applyTo(profile);
            }
        }
        return profile;
    }

    /** True when no moment of the scenario impairs anything. */
    public boolean neutral() {
        return compile().allNeutral();
    }

    Timeline compile() {
        return Timeline.of(this);
    }
}
