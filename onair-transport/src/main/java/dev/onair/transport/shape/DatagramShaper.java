package dev.onair.transport.shape;

/**
 * Decides the fate of one datagram. Called on the media loop only, with non-decreasing {@code nowNanos} (the
 * {@code MediaClock}'s monotonic time). The returned decision is owned by the shaper and valid until its next
 * call, so an implementation allocates nothing per datagram.
 */
public interface DatagramShaper {
    ShapeDecision decide(long nowNanos, int sizeBytes);
}
