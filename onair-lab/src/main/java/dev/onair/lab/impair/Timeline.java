package dev.onair.lab.impair;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A scenario flattened into segments: {@code startNanos[i]} (offset from the origin, or from the loop's start)
 * and the profile in effect from there to the next start. Built once, so the hot path only compares longs.
 */
final class Timeline {
    final long[] startNanos;
    final ImpairmentProfile[] profiles;
    final long loopNanos;

    private Timeline(long[] startNanos, ImpairmentProfile[] profiles, long loopNanos) {
        this.startNanos = startNanos;
        this.profiles = profiles;
        this.loopNanos = loopNanos;
    }

    static Timeline of(Scenario scenario) {
        long loop = scenario.loopMillis();
        long horizon = loop > 0 ? loop : Long.MAX_VALUE;
        TreeSet<Long> boundaries = new TreeSet<>();
        boundaries.add(0L);
        for (ScenarioStep step : scenario.steps()) {
            if (step.atMillis() < horizon) {
                boundaries.add(step.atMillis());
            }
            if (step.endMillis() < horizon) {
                boundaries.add(step.endMillis());
            }
        }
        List<Long> starts = new ArrayList<>();
        List<ImpairmentProfile> profiles = new ArrayList<>();
        for (long startMillis : boundaries) {
            ImpairmentProfile profile = scenario.profileAt(startMillis);
            if (!profiles.isEmpty() && profiles.get(profiles.size() - 1).equals(profile)) {
                continue;
            }
            starts.add(startMillis);
            profiles.add(profile);
        }
        long[] startNanos = new long[starts.size()];
        for (int i = 0; i < startNanos.length; i++) {
            startNanos[i] = Math.multiplyExact(starts.get(i), 1_000_000L);
        }
        return new Timeline(startNanos, profiles.toArray(new ImpairmentProfile[0]),
                Math.multiplyExact(loop, 1_000_000L));
    }

    boolean allNeutral() {
        for (ImpairmentProfile profile : profiles) {
            if (!profile.neutral()) {
                return false;
            }
        }
        return true;
    }
}
