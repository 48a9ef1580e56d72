package dev.onair.sfu.alloc;

import java.util.Objects;

/**
 * One track to allocate.
 *
 * @param key identifies the track across calls (the allocator keeps each key's last decision for hysteresis)
 * @param priority the track's priority class; {@link TrackPriority#AUDIO} tracks are never paused
 * @param layerBitratesBps measured bitrate of each spatial layer, 0 lowest: {@code 0} = unknown (the configured
 *     default for that layer index is assumed), negative = layer not active (never chosen). Audio has one layer.
 * @param maxLayer the highest layer the subscriber's view needs; -1 = not visible (the track is paused)
 */
public record AllocationTrack(Object key, TrackPriority priority, long[] layerBitratesBps, int maxLayer) {
    public AllocationTrack {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(priority, "priority");
        layerBitratesBps = layerBitratesBps == null ? new long[0] : layerBitratesBps.clone();
    }

    public boolean isAudio() {
        return priority == TrackPriority.AUDIO;
    }
}
