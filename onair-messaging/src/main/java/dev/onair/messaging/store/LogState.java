package dev.onair.messaging.store;

/**
 * A room log's position.
 *
 * @param epoch     the log's epoch
 * @param lastSeq   the newest sequence stored (0 when none yet)
 * @param oldestSeq the oldest sequence still in history (lastSeq + 1 when history is empty)
 */
public record LogState(long epoch, long lastSeq, long oldestSeq) {
}
