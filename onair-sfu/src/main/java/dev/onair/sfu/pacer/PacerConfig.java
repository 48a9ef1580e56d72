package dev.onair.sfu.pacer;

/**
 * Pacing settings of one subscriber.
 *
 * @param initialRateBps the pacing rate before any estimate: high (10 Mbit/s times libwebrtc's pacing factor 2.5)
 *     so that, unestimated, the pacer only smooths bursts over a few milliseconds and sends as before
 * @param burstNanos the burst window of the {@link Pacer}
 * @param maxQueueDelayMillis a paced packet that waited longer than this is dropped instead of sent (it would
 *     arrive too late to be played and only delay the packets behind it)
 */
public record PacerConfig(long initialRateBps, long burstNanos, long maxQueueDelayMillis) {
    /** libwebrtc's pacing factor: the pacer runs this much faster than the estimate to drain bursts. */
    public static final double PACING_FACTOR = 2.5;
    public static final PacerConfig DEFAULT = new PacerConfig((long) (10_000_000 * PACING_FACTOR),
            Pacer.DEFAULT_BURST_NANOS, 300);

    public PacerConfig {
        if (initialRateBps <= 0 || burstNanos < 0 || maxQueueDelayMillis <= 0) {
            throw new IllegalArgumentException("pacer settings must be positive");
        }
    }
}
