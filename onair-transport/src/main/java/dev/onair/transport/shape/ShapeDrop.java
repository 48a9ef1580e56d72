package dev.onair.transport.shape;

/** Why shaping discarded a datagram. */
public enum ShapeDrop {
    /** Random loss (Bernoulli, or a Gilbert–Elliott loss in the good state). */
    LOSS,
    /** A loss inside a burst (Gilbert–Elliott bad state). */
    BURST,
    /** Inside a blackout window. */
    BLACKOUT,
    /** The shaper's bottleneck queue was full. */
    QUEUE_FULL,
    /** The transport's delay line had no free slot or byte budget left for a delayed copy. */
    DELAY_LINE_FULL,
    /** The transport closed while the datagram was waiting in the delay line. */
    TRANSPORT_CLOSED
}
