package dev.onair.sfu.api;

/**
 * One live room, as the admin API lists it. A room exists while it has at least one session: it starts with
 * the first publish or subscribe and ends with the last close.
 *
 * @param name            room name
 * @param participants    distinct identities with at least one session
 * @param publishers      publisher sessions
 * @param subscribers     subscriber sessions
 * @param createdAtMillis wall-clock time the room started, Unix milliseconds
 */
public record RoomInfo(String name, int participants, int publishers, int subscribers, long createdAtMillis) {
}
