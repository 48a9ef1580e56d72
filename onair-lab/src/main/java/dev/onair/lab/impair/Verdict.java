package dev.onair.lab.impair;

/**
 * The decision for one datagram: dropped (with a reason), or delivered at {@link #deliverAtNanos()} and, when
 * {@link #duplicated()}, delivered a second time at {@link #duplicateAtNanos()}.
 *
 * <p><b>Ownership:</b> each {@link Impairment} owns exactly one {@code Verdict} and overwrites it on every
 * {@code decide} call, so the hot path allocates nothing. Read it before the next call on the same impairment;
 * copy the fields out if they must outlive it. Not thread-safe (an impairment lives on one media loop).
 */
public final class Verdict {
    private DropReason dropReason;
    private long deliverAtNanos;
    private boolean duplicated;
    private long duplicateAtNanos;

    Verdict() {
    }

    void drop(DropReason reason) {
        dropReason = reason;
        deliverAtNanos = -1;
        duplicated = false;
        duplicateAtNanos = -1;
    }

    void deliver(long atNanos) {
        dropReason = null;
        deliverAtNanos = atNanos;
        duplicated = false;
        duplicateAtNanos = -1;
    }

    void duplicate(long atNanos) {
        duplicated = true;
        duplicateAtNanos = atNanos;
    }

    /** True when the datagram must be discarded. */
    public boolean dropped() {
        return dropReason != null;
    }

    /** Why it was dropped; null when delivered. */
    public DropReason dropReason() {
        return dropReason;
    }

    /** When to deliver it (same clock as {@code nowNanos}, never earlier than it); -1 when dropped. */
    public long deliverAtNanos() {
        return deliverAtNanos;
    }

    /** True when a second copy must be delivered at {@link #duplicateAtNanos()}. */
    public boolean duplicated() {
        return duplicated;
    }

    /** When to deliver the duplicate; -1 when there is none. */
    public long duplicateAtNanos() {
        return duplicateAtNanos;
    }

    @Override
    public String toString() {
        if (dropped()) {
            return "Verdict[drop " + dropReason + "]";
        }
        return "Verdict[deliverAt=" + deliverAtNanos + (duplicated ? ", duplicateAt=" + duplicateAtNanos : "") + "]";
    }
}
