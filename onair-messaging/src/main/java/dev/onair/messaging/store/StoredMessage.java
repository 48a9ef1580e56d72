package dev.onair.messaging.store;

/**
 * A message as stored and delivered.
 *
 * @param room             the room
 * @param epoch            the room log's epoch (a new log, e.g. after its history was lost, has a new epoch)
 * @param seq              the room sequence number within the epoch, from 1, strictly increasing
 * @param serverTimeMillis when the server stored it (wall clock, ms since the epoch)
 * @param draft            what was sent, with the sender from the token
 * @param deleted          true when a later tombstone deleted it (its body then reads {@code null} JSON)
 */
public record StoredMessage(String room, long epoch, long seq, long serverTimeMillis, Draft draft, boolean deleted) {
}
