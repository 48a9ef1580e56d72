package dev.onair.sfu.speaker;

import dev.onair.sfu.api.RoomEvent.Speaker;
import java.util.ArrayList;
import java.util.List;

/**
 * The active speakers of one room, evaluated every {@link SpeakerPolicy#tickMillis()} from the meters of the
 * room's published audio tracks. A pure function of the times passed in; media loop only.
 *
 * <p>Each tick closes every meter's window, then per track:
 * <ul>
 *   <li><b>enter</b>: the last {@code enterWindows} windows each had at least {@code minVoicedFraction} voiced
 *       packets, and the smoothed level is at least {@code enterLevel};</li>
 *   <li><b>stay</b>: while the smoothed level is at least {@code exitLevel}, or has been below it for less
 *       than {@code holdMillis}; then <b>leave</b>.</li>
 * </ul>
 * The speakers are ordered loudest first, but the previous order is kept unless a speaker is louder than the
 * one ahead of it by {@code reorderRatio}; newcomers join behind the speakers they are not that much louder
 * than. {@link #tick} returns a new list only when the set or the order changed (an empty list when the last
 * speaker left), so level wiggles produce no events. One identity appears once (its loudest track).
 *
 * <p>Bounded: one entry per source passed to the last tick; entries of sources no longer passed are dropped.
 */
public final class ActiveSpeakerDetector {
    private final SpeakerPolicy policy;
    private final List<Entry> entries = new ArrayList<>();
    private List<Speaker> current = List.of();
    private long lastTickMillis = Long.MIN_VALUE;

    private static final class Entry {
        final String identity;
        final AudioLevelMeter meter;
        boolean seen;
        boolean speaking;
        int voicedWindows;
        long belowExitSinceMillis = -1;
        int rank;

        Entry(String identity, AudioLevelMeter meter) {
            this.identity = identity;
            this.meter = meter;
        }
    }

    public ActiveSpeakerDetector(SpeakerPolicy policy) {
        this.policy = policy;
    }

    public SpeakerPolicy policy() {
        return policy;
    }

    /** The speakers as of the last tick, loudest first; empty when nobody speaks. */
    public List<Speaker> current() {
        return current;
    }

    /** Tracked sources (one per published audio track passed to the last tick). */
    public int trackedSources() {
        return entries.size();
    }

    /**
     * Closes every source's window at {@code nowMillis} (a monotonic clock) and re-evaluates the speakers.
     *
     * @return the new speaker list when its set or order changed, else null
     */
    public List<Speaker> tick(List<SpeakerSource> sources, long nowMillis) {
        long elapsed = lastTickMillis == Long.MIN_VALUE ? policy.tickMillis() : nowMillis - lastTickMillis;
        lastTickMillis = nowMillis;
        for (Entry e : entries) {
            e.seen = false;
        }
        for (SpeakerSource s : sources) {
            Entry e = find(s.meter());
            if (e == null) {
                e = new Entry(s.identity(), s.meter());
                e.rank = Integer.MAX_VALUE;
                entries.add(e);
            }
            if (!e.seen) {
                e.seen = true;
                e.meter.closeWindow(elapsed);
                update(e, nowMillis);
            }
        }
        entries.removeIf(e -> !e.seen);
        List<Entry> ordered = order();
        List<Speaker> next = new ArrayList<>(ordered.size());
        for (Entry e : ordered) {
            if (!containsIdentity(next, e.identity)) {
                next.add(new Speaker(e.identity, e.meter.level()));
            }
        }
        if (sameOrder(next, current)) {
            current = List.copyOf(next); // fresher levels, same set and order: no event
            return null;
        }
        current = List.copyOf(next);
        return current;
    }

    private Entry find(AudioLevelMeter meter) {
        for (Entry e : entries) {
            if (e.meter == meter) {
                return e;
            }
        }
        return null;
    }

    private void update(Entry e, long nowMillis) {
        double level = e.meter.level();
        e.voicedWindows = e.meter.voicedFraction() >= policy.minVoicedFraction()
                ? Math.min(e.voicedWindows + 1, policy.enterWindows()) : 0;
        if (!e.speaking) {
            if (e.voicedWindows >= policy.enterWindows() && level >= policy.enterLevel()) {
                e.speaking = true;
                e.belowExitSinceMillis = -1;
            }
            return;
        }
        if (level >= policy.exitLevel()) {
            e.belowExitSinceMillis = -1;
        } else if (e.belowExitSinceMillis < 0) {
            e.belowExitSinceMillis = nowMillis;
        }
        if (e.belowExitSinceMillis >= 0 && nowMillis - e.belowExitSinceMillis >= policy.holdMillis()) {
            e.speaking = false;
            e.belowExitSinceMillis = -1;
            e.rank = Integer.MAX_VALUE;
        }
    }

    /** Speakers in the previous order, newcomers after them loudest first, then passes by reorderRatio. */
    private List<Entry> order() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.speaking) {
                out.add(e);
            }
        }
        out.sort((a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank)
                : Double.compare(b.meter.level(), a.meter.level()));
        boolean swapped = true;
        while (swapped) { // ends: each swap removes one pair where the later is reorderRatio louder
            swapped = false;
            for (int i = 0; i + 1 < out.size(); i++) {
                Entry ahead = out.get(i);
                Entry behind = out.get(i + 1);
                if (behind.meter.level() > ahead.meter.level() * policy.reorderRatio()) {
                    out.set(i, behind);
                    out.set(i + 1, ahead);
                    swapped = true;
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.get(i).rank = i;
        }
        return out;
    }

    private static boolean containsIdentity(List<Speaker> speakers, String identity) {
        for (Speaker s : speakers) {
            if (s.identity().equals(identity)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOrder(List<Speaker> a, List<Speaker> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).identity().equals(b.get(i).identity())) {
                return false;
            }
        }
        return true;
    }
}
