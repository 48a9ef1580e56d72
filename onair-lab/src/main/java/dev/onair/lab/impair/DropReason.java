package dev.onair.lab.impair;

/** Why the impairment dropped a datagram. */
public enum DropReason {
    /** Random loss: Bernoulli, or a Gilbert–Elliott loss in the good state. */
    LOSS,
    /** A Gilbert–Elliott loss in the bad state (part of a burst). */
    BURST,
    /** Inside a blackout window: every datagram is lost (a handover, a tunnel). */
    BLACKOUT,
    /** The bottleneck's drop-tail queue had no room for the datagram. */
    QUEUE_FULL
}
