package dev.onair.messaging.store;

import java.util.Objects;

/**
 * A validated message about to be stored: everything but what the store stamps (sequence, epoch, server time).
 *
 * @param kind        the kind
 * @param sender      the sender's identity, from its token (never from the payload)
 * @param clientMsgId the sender's id for the message (idempotency: a retry with the same id returns the stored
 *                    message; with another body it is a conflict); null for server-made messages (presence, delete)
 * @param to          the recipient's identity for {@link MessageKind#DM}; else null
 * @param body        the payload as compact JSON text (its canonical form: two drafts are "the same" when their kind,
 *                    to and body are equal)
 * @param targetSeq   for {@link MessageKind#DELETE}: the sequence deleted; else -1
 */
public record Draft(MessageKind kind, String sender, String clientMsgId, String to, String body, long targetSeq) {
    public Draft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
    }

    /** Same content as {@code other} (what an idempotent retry must repeat). */
    public boolean sameContent(Draft other) {
        return kind == other.kind && Objects.equals(to, other.to) && body.equals(other.body)
                && targetSeq == other.targetSeq;
    }
}
