package dev.onair.sfu.alloc;

/**
 * The decision for one track.
 *
 * @param layer the spatial layer to forward, -1 = paused
 * @param bitrateBps the bitrate assumed for that choice (0 when paused)
 * @param reason why, a short string for telemetry (see {@link AllocationReason})
 * @param temporalLayer the highest temporal layer (VP8 TID) to forward within {@code layer}, or
 *     {@link #ALL_TEMPORAL_LAYERS}
 */
public record TrackAllocation(Object key, int layer, long bitrateBps, String reason, int temporalLayer) {
    /** {@link #temporalLayer()} when the whole spatial layer is forwarded. */
    public static final int ALL_TEMPORAL_LAYERS = Integer.MAX_VALUE;

    /** A decision that forwards whole spatial layers. */
    public TrackAllocation(Object key, int layer, long bitrateBps, String reason) {
        this(key, layer, bitrateBps, reason, ALL_TEMPORAL_LAYERS);
    }

    public boolean paused() {
        return layer < 0;
    }
}
