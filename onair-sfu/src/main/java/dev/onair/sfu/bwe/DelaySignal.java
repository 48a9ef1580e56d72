package dev.onair.sfu.bwe;

/** What the overuse detector concludes from the queueing-delay trend. */
public enum DelaySignal {
    /** The delay is stable: the rate may grow. */
    NORMAL,
    /** The delay grows: a queue builds at the bottleneck, the rate must drop. */
    OVERUSING,
    /** The delay shrinks: a queue drains, hold the rate until it is empty. */
    UNDERUSING
}
