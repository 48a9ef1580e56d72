package dev.onair.messaging.service;

import dev.onair.messaging.store.InMemoryModerationStore;
import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.ModerationStore;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.wire.ClientCommand;
import dev.onair.messaging.wire.ClientFrameParser;
import dev.onair.messaging.wire.ErrorCode;
import dev.onair.messaging.wire.ErrorCounters;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time messaging over a {@link MessageStore}: per-room channels of connections.
 *
 * <ul>
 *   <li><b>join</b> (fresh or resuming from an epoch and last sequence): the connection gets a {@code resumed} frame
 *   and the replay (exactly what it missed, or a snapshot of the newest when that is impossible), then every later
 *   message from the room's tail, with no gap or duplicate between the two;</li>
 *   <li><b>send</b>: validated by the parser, then ban, permission, mute and rate-limit checks, then stored; the
 *   sender gets an {@code ack} only once stored, and everyone (DMs: sender and recipient) gets the message from the
 *   tail, in sequence order;</li>
 *   <li><b>moderation</b>: delete (a tombstone to everyone), mute (may read, not send), ban (removed, may not rejoin),
 *   in a {@link ModerationStore}: shared by every node on Redis; a ban made on any node closes the identity's
 *   connections on this one;</li>
 *   <li><b>slow consumers</b>: a connection whose outbound queue refuses a frame is closed with
 *   {@link CloseReason#SLOW_CONSUMER}; the others are not delayed.</li>
 * </ul>
 * Thread-safe.
 */
public final class MessagingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingService.class);

    private final MessageStore store;
    private final InstantSource clock;
    private final MessagingConfig config;
    private final ErrorCounters errors = new ErrorCounters();
    private final ClientFrameParser parser = new ClientFrameParser(errors);
    private final ModerationStore moderation;
    private final Map<String, RoomChannel> channels = new HashMap<>(); // guarded by this
    private final LongAdder delivered = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final Replayer replayer;
    private final CommandHandler commands;
    private volatile boolean closed;

    /** With node-local moderation ({@link InMemoryModerationStore}). */
    public MessagingService(MessageStore store, InstantSource clock, MessagingConfig config) {
        this(store, new InMemoryModerationStore(), clock, config);
    }

    /** With {@code moderation} (e.g. shared by every node on Redis); both stores stay the caller's to close. */
    public MessagingService(MessageStore store, ModerationStore moderation, InstantSource clock,
                            MessagingConfig config) {
        this.store = store;
        this.moderation = moderation;
        this.clock = clock;
        this.config = config;
        this.replayer = new Replayer(store, config.snapshotSize(), config.replayPageSize());
        this.commands = new CommandHandler(store, clock, config, moderation, errors);
        moderation.listen((room, identity, kind, on) -> {
            if (kind == ModerationStore.Kind.BAN && on) {
                kickBanned(room, identity);
            }
        });
    }

    public MessagingConfig config() {
        return config;
    }

    // ---- connections ----

    /** Joins {@code connection} to {@code room} afresh: a snapshot of the newest messages, then live ones. */
    public Session join(Connection connection, String room) {
        return join(connection, room, 0, 0, true);
    }

    /**
     * Joins resuming after {@code lastSeq} of {@code epoch}: exactly what was missed ({@code recovered: true}), or
     * ({@code recovered: false}) a snapshot when that sequence is of another epoch, ahead of the log or trimmed.
     */
    public Session join(Connection connection, String room, long epoch, long lastSeq) {
        return join(connection, room, epoch, lastSeq, false);
    }

    private Session join(Connection connection, String room, long epoch, long lastSeq, boolean fresh) {
        if (closed) {
            Session refused = new Session(this, new RoomChannel(room, delivered), connection, 1);
            refused.kick(CloseReason.SHUTDOWN);
            return refused;
        }
        if (moderation.isBanned(room, connection.identity())) {
            Session refused = new Session(this, new RoomChannel(room, delivered), connection, 1);
            refuse(refused, ErrorCode.BANNED, "banned from this room", null, 0);
            refused.kick(CloseReason.BANNED);
            return refused;
        }
        boolean open;
        RoomChannel channel;
        Session session;
        boolean firstOfIdentity;
        synchronized (this) {
            channel = channels.computeIfAbsent(room, r -> new RoomChannel(r, delivered));
            open = !channel.opening;
            channel.opening = true;
            session = new Session(this, channel, connection, config.maxPendingWhileSyncing());
            firstOfIdentity = !channel.hasIdentity(connection.identity());
            channel.add(session);
        }
        if (open) {
            channel.open(store);
        }
        channel.ready().whenComplete((v, err) -> {
            if (err != null) {
                LOG.warn("room {}: cannot open its tail", room, err);
                session.kick(CloseReason.SERVER_ERROR);
            } else {
                resync(session, epoch, lastSeq, fresh);
            }
        });
        if (moderation.isBanned(room, connection.identity())) {
            // banned while joining: the ban's kick may have listed the room's sessions before this one was added
            refuse(session, ErrorCode.BANNED, "banned from this room", null, 0);
            session.kick(CloseReason.BANNED);
            return session;
        }
        if (firstOfIdentity && config.presenceEvents()) {
            commands.presence(room, connection.identity(), "joined");
        }
        return session;
    }

    /** Replays to {@code session} (join or a resume frame) and then lets live messages through. */
    void resync(Session session, long epoch, long lastSeq, boolean fresh) {
        int gen = session.beginSync();
        String room = session.room();
        CompletionStage<Synced> replay = fresh ? replayer.snapshot(room) : replayer.replay(room, epoch, lastSeq);
        replay.whenComplete((synced, err) -> {
            if (err != null) {
                LOG.warn("room {}: replay failed", room, err);
                session.kick(CloseReason.SERVER_ERROR);
            } else {
                session.finishSync(gen, synced);
            }
        });
    }

    /** The session left (socket closed). */
    void leave(Session session) {
        RoomChannel channel = session.channel();
        boolean last;
        boolean lastOfIdentity;
        synchronized (this) {
            if (!channel.remove(session)) {
                return;
            }
            lastOfIdentity = !channel.hasIdentity(session.identity());
            last = channel.isEmpty();
            if (last && channels.get(channel.room()) == channel) {
                channels.remove(channel.room());
            }
        }
        if (last) {
            channel.shutdown();
        }
        if (lastOfIdentity && config.presenceEvents() && !moderation.isBanned(channel.room(), session.identity())) {
            commands.presence(channel.room(), session.identity(), "left");
        }
    }

    /** The service closed the session's connection for {@code reason}. */
    void closedBy(Session session, CloseReason reason) {
        if (reason == CloseReason.SLOW_CONSUMER) {
            slowConsumers.increment();
        }
        leave(session);
    }

    // ---- commands ----

    long nowMillis() {
        return clock.millis();
    }

    ClientFrameParser parser() {
        return parser;
    }

    void send(Session session, ClientCommand.Send cmd) {
        commands.send(session, cmd);
    }

    void typing(Session session, String state) {
        commands.typing(session, state);
    }

    void deleteFromClient(Session session, long seq) {
        commands.deleteFromClient(session, seq);
    }

    void refuse(Session session, ErrorCode code, String reason, String clientMsgId, long retryAfterMillis) {
        commands.refuse(session, code, reason, clientMsgId, retryAfterMillis);
    }

    // ---- admin (REST) ----

    /**
     * Deletes message {@code seq} of {@code room}: stores a tombstone (delivered to everyone in order) and the target
     * reads as deleted in history and replays. Empty when no such message is in history (or it is a tombstone).
     */
    public CompletionStage<Optional<StoredMessage>> deleteMessage(String room, String byIdentity, long seq) {
        return commands.delete(room, byIdentity, seq);
    }

    /**
     * Mutes (or unmutes) {@code identity} in {@code room}: it may read, not send. Completes once stored; from then on
     * this node refuses its messages, other nodes as soon as the change reaches them (see {@link ModerationStore}).
     */
    public CompletionStage<Void> mute(String room, String identity, boolean muted) {
        return moderation.set(room, identity, ModerationStore.Kind.MUTE, muted);
    }

    /**
     * Bans (or unbans) {@code identity} from {@code room}: its connections there are closed (on every node that sees
     * the change) and it may not rejoin. Completes once stored (and this node's connections are closed).
     */
    public CompletionStage<Void> ban(String room, String identity, boolean banned) {
        return moderation.set(room, identity, ModerationStore.Kind.BAN, banned);
    }

    /** Who is banned ({@code banned}) or muted in {@code room}, as the moderation store has it (every node's view). */
    public CompletionStage<Set<String>> moderated(String room, boolean banned) {
        return moderation.list(room, banned ? ModerationStore.Kind.BAN : ModerationStore.Kind.MUTE);
    }

    /** Closes {@code identity}'s connections in {@code room} on this node with {@link CloseReason#BANNED}. */
    private void kickBanned(String room, String identity) {
        List<Session> theirs = new ArrayList<>();
        synchronized (this) {
            RoomChannel channel = channels.get(room);
            if (channel != null) {
                for (Session s : channel.sessions()) {
                    if (s.identity().equals(identity)) {
                        theirs.add(s);
                    }
                }
            }
        }
        for (Session s : theirs) {
            refuse(s, ErrorCode.BANNED, "banned from this room", null, 0);
            s.kick(CloseReason.BANNED);
        }
    }

    public boolean isMuted(String room, String identity) {
        return moderation.isMuted(room, identity);
    }

    public boolean isBanned(String room, String identity) {
        return moderation.isBanned(room, identity);
    }

    /** A page of {@code room}'s history below {@code beforeSeq}, newest first. */
    public CompletionStage<List<StoredMessage>> history(String room, long beforeSeq, int limit) {
        return store.page(room, beforeSeq, limit);
    }

    /** The room log's epoch and positions. */
    public CompletionStage<LogState> state(String room) {
        return store.state(room);
    }

    // ---- metrics ----

    /** Refusals by code (frames and commands). */
    public ErrorCounters errors() {
        return errors;
    }

    /** Live message frames offered to connections. */
    public long deliveredFrames() {
        return delivered.sum();
    }

    /** Messages stored through {@link Session#onFrame} (retries not counted). */
    public long storedMessages() {
        return commands.storedMessages();
    }

    public long slowConsumerDisconnects() {
        return slowConsumers.sum();
    }

    /** Connections in {@code room} on this node. */
    public synchronized int connectionCount(String room) {
        RoomChannel c = channels.get(room);
        return c == null ? 0 : c.size();
    }

    /** Rooms with connections on this node (each holds one tail). */
    public synchronized int roomCount() {
        return channels.size();
    }

    /** Closes every connection ({@link CloseReason#SHUTDOWN}) and every tail; the store stays open (the caller's). */
    @Override
    public void close() {
        closed = true;
        List<Session> all = new ArrayList<>();
        synchronized (this) {
            for (RoomChannel c : channels.values()) {
                all.addAll(c.sessions());
            }
        }
        for (Session s : all) {
            s.kick(CloseReason.SHUTDOWN);
        }
    }
}
