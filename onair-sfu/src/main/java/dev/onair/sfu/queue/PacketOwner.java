package dev.onair.sfu.queue;

/**
 * The owner of queued packets (the {@code packetOwner} of {@link SubscriberQueue#commit}) may declare what it queued
 * before a moment useless: a video track that switched to another simulcast layer, whose receiver restarts decoding at
 * the new layer's keyframe. The drain then drops those packets instead of sending them ahead of that keyframe.
 */
public interface PacketOwner {
    /** Packets of this owner queued before this time are not worth sending; {@link Long#MIN_VALUE} when none. */
    long supersededBeforeNanos();
}
