package dev.onair.sfu.track;

/**
 * Told when a {@link SubscriberTrack} changes the spatial layer it forwards: a switch between two layers, the
 * first layer after a (re)bind ({@code fromLayer} -1), or a pause ({@code toLayer} -1). Media loop; must not block.
 */
@FunctionalInterface
public interface LayerSwitchListener {
    LayerSwitchListener NONE = (track, fromLayer, toLayer, nowNanos) -> { };

    void onLayerSwitch(SubscriberTrack track, int fromLayer, int toLayer, long nowNanos);

    /**
     * The highest VP8 temporal layer forwarded changed (down at a frame start, up at a layer-sync frame or a
     * keyframe). Layers are TIDs, 0 lowest.
     */
    default void onTemporalSwitch(SubscriberTrack track, int fromTemporalLayer, int toTemporalLayer, long nowNanos) {
    }
}
