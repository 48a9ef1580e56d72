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
 * @param temporalBitratesBps per spatial layer, the measured bitrate of its temporal layers 0 to t together, for each
 *     t (VP8 TIDs; the last entry is the whole layer); a null or short (under two entries) row means the layer has no
 *     temporal layering, and only the whole layer is a choice. Null: no temporal layering anywhere.
 */
public record AllocationTrack(Object key, TrackPriority priority, long[] layerBitratesBps, int maxLayer,
                              long[][] temporalBitratesBps) {
    public AllocationTrack {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(priority, "priority");
        layerBitratesBps = layerBitratesBps == null ? new long[0] : layerBitratesBps.clone();
        if (temporalBitratesBps != null) {
            long[][] copy = new long[temporalBitratesBps.length][];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = temporalBitratesBps[i] == null ? null : temporalBitratesBps[i].clone();
            }
            temporalBitratesBps = copy;
        }
    }

    /** A track without temporal layers. */
    public AllocationTrack(Object key, TrackPriority priority, long[] layerBitratesBps, int maxLayer) {
        this(key, priority, layerBitratesBps, maxLayer, null);
    }

    public boolean isAudio() {
        return priority == TrackPriority.AUDIO;
    }

    /** The temporal layers of spatial layer {@code layer} that are separate choices: 1 without temporal layering. */
    public int temporalLayerCount(int layer) {
        if (temporalBitratesBps == null || layer >= temporalBitratesBps.length || temporalBitratesBps[layer] == null) {
            return 1;
        }
        return Math.max(1, temporalBitratesBps[layer].length);
    }
}
