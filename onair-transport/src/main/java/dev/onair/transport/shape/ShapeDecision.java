package dev.onair.transport.shape;

/**
 * A mutable decision for one datagram, owned by a {@link DatagramShaper} and overwritten on its next call:
 * dropped with a reason, or delivered at {@link #deliverAtNanos()} and, when {@link #duplicated()}, once more at
 * {@link #duplicateAtNanos()}. A delivery time at or before "now" means "immediately".
 */
public final class ShapeDecision {
    private ShapeDrop drop;
    private long deliverAtNanos;
    private boolean duplicated;
    private long duplicateAtNanos;

    /** Sets "drop for {@code reason}" and returns this. */
    public ShapeDecision drop(ShapeDrop reason) {
        this.drop = reason;
        this.deliverAtNanos = -1;
        this.duplicated = false;
        this.duplicateAtNanos = -1;
        return this;
    }

    /** Sets "deliver at {@code atNanos}" (no duplicate) and returns this. */
    public ShapeDecision deliver(long atNanos) {
        this.drop = null;
        this.deliverAtNanos = atNanos;
        this.duplicated = false;
        this.duplicateAtNanos = -1;
        return this;
    }

    /** Adds a duplicate delivered at {@code atNanos} to a delivery decision and returns this. */
    public ShapeDecision duplicate(long atNanos) {
        this.duplicated = true;
        this.duplicateAtNanos = atNanos;
        return this;
    }

    public boolean dropped() {
        return drop != null;
    }

    /** Null when delivered. */
    public ShapeDrop dropReason() {
        return drop;
    }

    public long deliverAtNanos() {
        return deliverAtNanos;
    }

    public boolean duplicated() {
        return duplicated;
    }

    public long duplicateAtNanos() {
        return duplicateAtNanos;
    }
}
