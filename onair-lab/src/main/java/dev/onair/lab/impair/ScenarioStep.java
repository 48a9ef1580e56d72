package dev.onair.lab.impair;

import java.util.Objects;

/**
 * One scenario step: from {@code atMillis} after the start, for {@code forMillis} (or to the end of the
 * scenario when {@link #UNTIL_END}), the overrides {@code set} apply on top of the base profile.
 *
 * @param atMillis start, ms after the impairment's origin (or after the start of the loop)
 * @param forMillis duration in ms (&gt; 0), or {@link #UNTIL_END}
 * @param set the parameters this step changes
 */
public record ScenarioStep(long atMillis, long forMillis, ProfileOverrides set) {
    /** {@code forMillis} of a step that lasts until the end of the scenario (or of the loop). */
    public static final long UNTIL_END = -1;

    public ScenarioStep {
        Objects.requireNonNull(set, "set");
        if (atMillis < 0) {
            throw new IllegalArgumentException("atMillis must be >= 0, got " + atMillis);
        }
        if (forMillis <= 0 && forMillis != UNTIL_END) {
            throw new IllegalArgumentException("forMillis must be > 0 (or UNTIL_END), got " + forMillis);
        }
        if (forMillis != UNTIL_END && atMillis > Long.MAX_VALUE / 2_000_000 - forMillis) {
            throw new IllegalArgumentException("atMillis + forMillis is too large: " + atMillis + " + " + forMillis);
        }
    }

    /** A blackout: every datagram lost from {@code atMillis} for {@code forMillis}. */
    public static ScenarioStep blackout(long atMillis, long forMillis) {
        return new ScenarioStep(atMillis, forMillis, ProfileOverrides.builder().blackout(true).overrides());
    }

    /** The end of the step in ms, or {@code Long.MAX_VALUE} when it lasts until the end. */
    public long endMillis() {
        return forMillis == UNTIL_END ? Long.MAX_VALUE : atMillis + forMillis;
    }

    /** True when the step is in effect at {@code offsetMillis}. */
    public boolean activeAt(long offsetMillis) {
        return offsetMillis >= atMillis && offsetMillis < endMillis();
    }
}
