package dev.onair.sfu.api;

/**
 * One live room. A room starts with its first participant (or an admin create) and finishes when it has been
 * empty for its empty timeout.
 *
 * @param name            room name
 * @param kind            conference or broadcast
 * @param participants    participants in the room
 * @param publishers      publisher sessions
 * @param subscribers     subscriber sessions
 * @param createdAtMillis wall-clock time the room started, Unix milliseconds
 */
public record RoomInfo(String name, RoomKind kind, int participants, int publishers, int subscribers,
                       long createdAtMillis) {
}
