package dev.onair.messaging.service;

import dev.onair.messaging.store.StoredMessage;
import java.util.List;

/**
 * The outcome of a replay for one session: the {@code resumed} frame's fields, the messages to send (oldest first) and
 * the sequence the session's cursor stands at after them (live messages up to it are duplicates).
 */
record Synced(boolean recovered, boolean fresh, long epoch, long lastSeq, List<StoredMessage> messages, long cursor) {
}
