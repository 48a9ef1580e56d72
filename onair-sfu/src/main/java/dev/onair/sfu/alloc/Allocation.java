package dev.onair.sfu.alloc;

import java.util.List;

/**
 * One subscriber's allocation, in the order the tracks were given.
 *
 * @param allocatedBps the sum of the chosen layers' bitrates (audio included)
 * @param wantedBps what the subscriber would take with every visible track at its highest wanted active layer (the
 *     target a bandwidth probe aims at)
 * @param audioOnly true when some visible video track was paused for bandwidth and no video track got a layer
 */
public record Allocation(List<TrackAllocation> tracks, long allocatedBps, long wantedBps, boolean audioOnly) {
    public Allocation {
        tracks = List.copyOf(tracks);
    }

    /** The decision for {@code key}, or null. */
    public TrackAllocation track(Object key) {
        for (TrackAllocation t : tracks) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        return null;
    }
}
