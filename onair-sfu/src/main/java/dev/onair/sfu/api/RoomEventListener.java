package dev.onair.sfu.api;

/**
 * Receives {@link RoomEvent}s. Called on the media loop, in order: implementations must return at once
 * (hand the event to their own queue) and never throw.
 */
@FunctionalInterface
public interface RoomEventListener {
    void onEvent(RoomEvent event);
}
