package dev.onair.sfu.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a subscriber's videos flow when it may receive at most {@code cap} at once: screen shares first,
 * then the current active speakers (loudest first), then those who spoke most recently, then the earliest
 * joiners. Pure; the room feeds it and applies the result.
 */
public final class VideoCap {
    private VideoCap() {
    }

    /**
     * One subscribed video.
     *
     * @param sid            track id
     * @param screen         a screen share
     * @param speakerRank    0 for the loudest current speaker, 1 for the next…; -1 when not speaking
     * @param lastSpokeNanos when its publisher last was an active speaker; {@link Long#MIN_VALUE} if never
     * @param joinOrder      its publisher's join order (earlier is smaller)
     */
    public record Candidate(String sid, boolean screen, int speakerRank, long lastSpokeNanos, long joinOrder) {
    }

    private static final Comparator<Candidate> ORDER = Comparator
            .comparing((Candidate c) -> !c.screen())
            .thenComparingInt(c -> c.speakerRank() < 0 ? Integer.MAX_VALUE : c.speakerRank())
            .thenComparing(Candidate::lastSpokeNanos, Comparator.reverseOrder())
            .thenComparingLong(Candidate::joinOrder)
            .thenComparing(Candidate::sid);

    /** The sids that may flow; all of them when {@code cap} ≤ 0 (no cap) or there are no more than {@code cap}. */
    public static Set<String> allowed(List<Candidate> videos, int cap) {
        Set<String> out = new HashSet<>();
        if (cap <= 0 || videos.size() <= cap) {
            videos.forEach(c -> out.add(c.sid()));
            return out;
        }
        List<Candidate> sorted = new ArrayList<>(videos);
        sorted.sort(ORDER);
        for (int i = 0; i < cap; i++) {
            out.add(sorted.get(i).sid());
        }
        return out;
    }
}
