package dev.onair.sfu.pacer;

/**
 * Told when a paced packet waited longer than the bound and was dropped: the receiver's picture is broken, so the
 * listener (the lead's wiring) typically asks the source for a keyframe.
 */
@FunctionalInterface
public interface StaleDropListener {
    /** @param owner the track that queued the packet (a subscriber track), or null for padding */
    void onStaleDrop(Object owner, long waitedNanos, long nowNanos);
}
