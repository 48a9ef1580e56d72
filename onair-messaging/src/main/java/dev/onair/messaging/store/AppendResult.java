package dev.onair.messaging.store;

/**
 * What {@link MessageStore#append} did.
 *
 * @param message   the stored message (the earlier one for a retry); null on a conflict
 * @param duplicate true when the sender's clientMsgId was already stored with the same content: nothing new was stored
 * @param conflict  true when the sender's clientMsgId was already stored with other content: nothing was stored
 */
public record AppendResult(StoredMessage message, boolean duplicate, boolean conflict) {
    public static AppendResult stored(StoredMessage m) {
        return new AppendResult(m, false, false);
    }

    public static AppendResult duplicateOf(StoredMessage m) {
        return new AppendResult(m, true, false);
    }

    public static AppendResult conflicting() {
        return new AppendResult(null, false, true);
    }
}
