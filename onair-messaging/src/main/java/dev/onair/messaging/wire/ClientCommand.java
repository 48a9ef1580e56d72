package dev.onair.messaging.wire;

import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.MessageKind;
import java.util.Objects;

/** A well-formed client frame. */
public sealed interface ClientCommand extends ParseResult {
    /**
     * A message to store and deliver ({@code chat}, {@code reaction}, {@code effect}, {@code event}, {@code dm}).
     *
     * @param kind        the kind
     * @param clientMsgId the sender's id for it (idempotent retries)
     * @param to          the recipient's identity for a DM, else null
     * @param body        the kind's fields as canonical compact JSON (e.g. {@code {"text":"hi"}})
     */
    record Send(MessageKind kind, String clientMsgId, String to, String body) implements ClientCommand {
        public Send {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(clientMsgId, "clientMsgId");
            Objects.requireNonNull(body, "body");
        }

        /** The draft to store, with the sender from the connection's token. */
        public Draft toDraft(String sender) {
            return new Draft(kind, sender, clientMsgId, to, body, -1);
        }
    }

    /** Ephemeral presence ({@code typing} or {@code idle}): forwarded to the room, never stored. */
    record Presence(String state) implements ClientCommand {
    }

    /** Resume after {@code lastSeq} of {@code epoch}: the server replays what was missed (or a snapshot). */
    record Resume(long epoch, long lastSeq) implements ClientCommand {
    }

    /** An admin deletes message {@code seq} (a tombstone to everyone). */
    record Delete(long seq) implements ClientCommand {
    }
}
