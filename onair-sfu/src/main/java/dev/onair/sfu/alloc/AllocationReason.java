package dev.onair.sfu.alloc;

/** The short reason strings of {@link TrackAllocation#reason()}, as telemetry shows them. */
public final class AllocationReason {
    /** An audio track: always forwarded. */
    public static final String AUDIO = "audio";
    /** The subscriber does not show the track (maxLayer -1). */
    public static final String NOT_VISIBLE = "not-visible";
    /** No active layer at or below the wanted one. */
    public static final String INACTIVE = "inactive";
    /** Below the wanted layer (or paused) because the estimate does not cover more. */
    public static final String BANDWIDTH = "bandwidth";
    /** Below the wanted layer because higher-priority tracks took the bandwidth above their lowest layers. */
    public static final String PRIORITY = "priority";
    /** Went up from the previous decision (unpaused or upgraded). */
    public static final String RECOVERED = "recovered";
    /** At the layer the view needs, below the publisher's top layer. */
    public static final String VIEW_SIZE = "view-size";
    /** At the publisher's top active layer. */
    public static final String FULL = "full";

    private AllocationReason() {
    }
}
