package dev.onair.sfu.track;

/**
 * Anything that receives a published track's packets: a subscriber's track today; edge relays, recorders and
 * telemetry taps later. Called synchronously on the media loop; must not block and must copy what it keeps.
 */
public interface PacketSink {

    void accept(PublishedTrack source, PacketContext packet);

    /** The source this sink was bound to goes away (publisher left or was replaced). */
    default void onSourceRemoved(PublishedTrack source) {
    }

    /** The source was unmuted: video sinks wait for the next keyframe. */
    default void onSourceResumed(PublishedTrack source, long nowNanos) {
    }

    /**
     * Bitmask of the source's spatial layers this sink currently targets or forwards (bit i = layer i), for
     * {@link PublishedTrack#demandedLayers()}; by default every layer.
     */
    default int layerDemand(PublishedTrack source) {
        return -1;
    }
}
