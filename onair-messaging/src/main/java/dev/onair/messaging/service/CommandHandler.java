package dev.onair.messaging.service;

import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.ModerationStore;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.wire.ClientCommand;
import dev.onair.messaging.wire.ErrorCode;
import dev.onair.messaging.wire.ErrorCounters;
import dev.onair.messaging.wire.OutboundFrame;
import dev.onair.messaging.wire.ServerFrames;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session's commands do: send (ban, permission, mute, rate limit, then store; ack once stored), typing,
 * delete; and the refusals, each answered with an {@code error} frame and counted.
 */
final class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final MessageStore store;
    private final InstantSource clock;
    private final MessagingConfig config;
    private final ModerationStore moderation;
    private final ErrorCounters errors;
    private final LongAdder stored = new LongAdder();

    CommandHandler(MessageStore store, InstantSource clock, MessagingConfig config, ModerationStore moderation,
            ErrorCounters errors) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.moderation = moderation;
        this.errors = errors;
    }

    long storedMessages() {
        return stored.sum();
    }

    void send(Session session, ClientCommand.Send cmd) {
        String room = session.room();
        Connection c = session.connection();
        String id = cmd.clientMsgId();
        if (moderation.isBanned(room, c.identity())) {
            refuse(session, ErrorCode.BANNED, "banned from this room", id, 0);
            session.kick(CloseReason.BANNED);
            return;
        }
        if (!c.canChat()) {
            refuse(session, ErrorCode.FORBIDDEN, "no chat permission", id, 0);
            return;
        }
        if (moderation.isMuted(room, c.identity())) {
            refuse(session, ErrorCode.MUTED, "muted in this room", id, 0);
            return;
        }
        long now = clock.millis();
        long waitMillis = session.channel().bucket(c.identity(), config, now).tryTake(now);
        if (waitMillis > 0) {
            refuse(session, ErrorCode.RATE_LIMITED, "over " + config.rateLimitPerSecond() + " messages per second",
                    id, waitMillis);
            return;
        }
        store.append(room, cmd.toDraft(c.identity())).whenComplete((r, err) -> {
            if (err != null) {
                LOG.warn("room {}: append failed", room, err);
                refuse(session, ErrorCode.STORE_UNAVAILABLE, "not stored; retry with the same clientMsgId", id, 0);
            } else if (r.conflict()) {
                refuse(session, ErrorCode.CLIENT_MSG_ID_CONFLICT, "clientMsgId already used for another message",
                        id, 0);
            } else {
                if (!r.duplicate()) {
                    stored.increment();
                }
                StoredMessage m = r.message();
                session.send(ServerFrames.ack(id, m.seq(), m.epoch(), r.duplicate()));
            }
        });
    }

    void typing(Session session, String state) {
        Connection c = session.connection();
        String room = session.room();
        if (!c.canChat()) {
            refuse(session, ErrorCode.FORBIDDEN, "no chat permission", null, 0);
            return;
        }
        if (moderation.isMuted(room, c.identity()) || moderation.isBanned(room, c.identity())) {
            refuse(session, ErrorCode.MUTED, "muted in this room", null, 0);
            return;
        }
        if (!session.typingAllowed(clock.millis(), config.typingMinIntervalMillis())) {
            return;
        }
        OutboundFrame frame = OutboundFrame.of(ServerFrames.typing(c.identity(), c.name(), state));
        for (Session other : session.channel().sessions()) {
            if (other != session && !other.identity().equals(c.identity())) {
                other.send(frame);
            }
        }
    }

    void deleteFromClient(Session session, long seq) {
        if (!session.connection().isAdmin()) {
            refuse(session, ErrorCode.FORBIDDEN, "only an admin may delete", null, 0);
            return;
        }
        delete(session.room(), session.identity(), seq).whenComplete((m, err) -> {
            if (err != null) {
                refuse(session, ErrorCode.STORE_UNAVAILABLE, "delete not stored", null, 0);
            } else if (m.isEmpty()) {
                refuse(session, ErrorCode.NOT_FOUND, "no message " + seq + " in history", null, 0);
            }
        });
    }

    void refuse(Session session, ErrorCode code, String reason, String clientMsgId, long retryAfterMillis) {
        errors.count(code);
        String frame = ServerFrames.error(code, reason, clientMsgId, retryAfterMillis);
        if (session.isOpen()) {
            session.send(frame);
        } else {
            session.connection().offer(frame);
        }
    }

    void presence(String room, String identity, String state) {
        Draft d = new Draft(MessageKind.PRESENCE, identity, null, null, "{\"state\":\"" + state + "\"}", -1);
        store.append(room, d).whenComplete((r, err) -> {
            if (err != null) {
                LOG.warn("room {}: presence not stored", room, err);
            }
        });
    }

    /**
     * Deletes message {@code seq} of {@code room}: stores a tombstone (delivered to everyone in order) and the target
     * reads as deleted in history and replays. Empty when no such message is in history (or it is a tombstone).
     */
    CompletionStage<Optional<StoredMessage>> delete(String room, String byIdentity, long seq) {
        return store.page(room, seq + 1, 1).thenCompose(found -> {
            if (found.isEmpty() || found.get(0).seq() != seq || found.get(0).draft().kind() == MessageKind.DELETE) {
                return CompletableFuture.completedFuture(Optional.<StoredMessage>empty());
            }
            Draft tomb = new Draft(MessageKind.DELETE, byIdentity, null, null, "{}", seq);
            return store.append(room, tomb).thenApply(r -> Optional.ofNullable(r.message()));
        });
    }
}
