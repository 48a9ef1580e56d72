package dev.onair.sfu.alloc;

/**
 * The decision for one track.
 *
 * @param layer the spatial layer to forward, -1 = paused
 * @param bitrateBps the bitrate assumed for that layer (0 when paused)
 * @param reason why, a short string for telemetry (see {@link AllocationReason})
 */
public record TrackAllocation(Object key, int layer, long bitrateBps, String reason) {
    public boolean paused() {
        return layer < 0;
    }
}
