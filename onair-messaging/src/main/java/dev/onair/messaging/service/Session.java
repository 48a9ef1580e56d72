package dev.onair.messaging.service;

import dev.onair.messaging.store.MessageKind;
import dev.onair.messaging.store.StoredMessage;
import dev.onair.messaging.wire.ClientCommand;
import dev.onair.messaging.wire.ErrorCode;
import dev.onair.messaging.wire.FrameError;
import dev.onair.messaging.wire.OutboundFrame;
import dev.onair.messaging.wire.ParseResult;
import dev.onair.messaging.wire.ServerFrames;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection in one room. The transport feeds it the client's frames ({@link #onFrame}) and closes it when the
 * socket goes ({@link #close}). While a replay runs, live messages are buffered; when it completes, the replay is
 * sent, then the buffer (without what the replay already held), then live messages as they come: no gap, no duplicate,
 * in sequence order. DMs reach only their sender and recipient.
 */
public final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final MessagingService service;
    private final RoomChannel channel;
    private final Connection connection;
    private final ArrayDeque<StoredMessage> pending = new ArrayDeque<>();
    private final int maxPending;
    // guarded by this:
    private boolean open = true;
    private boolean synced;
    private int generation;
    private long cursor;
    private long epoch;
    private CloseReason closeRequest;
    private long lastTypingMillis = Long.MIN_VALUE;
    private final BadFrameLimit badFrames = new BadFrameLimit();

    Session(MessagingService service, RoomChannel channel, Connection connection, int maxPending) {
        this.service = service;
        this.channel = channel;
        this.connection = connection;
        this.maxPending = maxPending;
    }

    public String room() {
        return channel.room();
    }

    public String identity() {
        return connection.identity();
    }

    public Connection connection() {
        return connection;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** True once the join's (or the last resume's) replay has been sent. */
    public synchronized boolean isSynced() {
        return synced;
    }

    /** A client frame: parsed, then handled; every refusal answered with an {@code error} frame. Never throws. */
    public void onFrame(String frame) {
        ParseResult r = service.parser().parse(frame);
        if (r instanceof FrameError e) {
            send(ServerFrames.error(e));
            boolean over;
            synchronized (this) {
                over = badFrames.overLimit(service.nowMillis());
            }
            if (over) {
                kick(CloseReason.PROTOCOL_ERROR);
            }
            return;
        }
        if (!isOpen()) {
            boolean banned = service.isBanned(room(), identity());
            service.refuse(this, banned ? ErrorCode.BANNED : ErrorCode.NOT_JOINED,
                    banned ? "banned from this room" : "not in the room", clientMsgIdOf(r), 0);
            return;
        }
        try {
            if (r instanceof ClientCommand.Send s) {
                service.send(this, s);
            } else if (r instanceof ClientCommand.Presence p) {
                service.typing(this, p.state());
            } else if (r instanceof ClientCommand.Resume resume) {
                service.resync(this, resume.epoch(), resume.lastSeq(), false);
            } else if (r instanceof ClientCommand.Delete d) {
                service.deleteFromClient(this, d.seq());
            }
        } catch (RuntimeException e) { // a store that throws instead of failing its stage
            LOG.warn("room {}: {} failed", room(), r.getClass().getSimpleName(), e);
            service.refuse(this, ErrorCode.STORE_UNAVAILABLE, "not done; retry", clientMsgIdOf(r), 0);
        }
    }

    /** The socket went: leave the room. Idempotent. */
    public void close() {
        boolean wasOpen;
        synchronized (this) {
            wasOpen = open;
            open = false;
            pending.clear();
        }
        if (wasOpen) {
            service.leave(this);
        }
    }

    // ---- for the service ----

    RoomChannel channel() {
        return channel;
    }

    boolean visible(StoredMessage m) {
        if (m.draft().kind() != MessageKind.DM) {
            return true;
        }
        String me = connection.identity();
        return me.equals(m.draft().sender()) || me.equals(m.draft().to());
    }

    /** Starts a replay: live messages are buffered until {@link #finishSync} with the returned generation. */
    synchronized int beginSync() {
        synced = false;
        pending.clear();
        return ++generation;
    }

    /** Sends the replay, then what was buffered after it; returns false when this sync is stale or closed. */
    boolean finishSync(int gen, Synced s) {
        CloseReason close;
        synchronized (this) {
            if (!open || gen != generation) {
                return false;
            }
            offer(OutboundFrame.of(ServerFrames.resumed(s.recovered(), s.fresh(), s.epoch(), s.lastSeq())));
            for (StoredMessage m : s.messages()) {
                if (visible(m)) {
                    offer(OutboundFrame.of(ServerFrames.msg(m)));
                }
            }
            cursor = s.cursor();
            epoch = s.epoch();
            while (!pending.isEmpty()) {
                StoredMessage m = pending.poll();
                if (m.epoch() != epoch) {
                    continue; // a straggler of an older log, or a newer one that the next live message resyncs
                }
                if (m.seq() > cursor) {
                    cursor = m.seq();
                    if (visible(m)) {
                        offer(OutboundFrame.of(ServerFrames.msg(m)));
                    }
                }
            }
            synced = true;
            close = takeCloseRequest();
        }
        finishClose(close);
        return true;
    }

    /**
     * A stored message from the room's tail; true when it was offered to the connection. A message of another epoch
     * (the log was recreated: its Redis keys expired or were flushed) starts a resync as a resume from the old epoch
     * gets it: {@code resumed} with {@code recovered: false} and a snapshot of the new log.
     */
    boolean deliverLive(StoredMessage m, OutboundFrame frame) {
        CloseReason close;
        boolean offered = false;
        boolean newLog = false;
        long oldEpoch = 0;
        long oldCursor = 0;
        synchronized (this) {
            if (!open) {
                return false;
            }
            if (synced && m.epoch() != epoch) {
                newLog = true;
                oldEpoch = epoch;
                oldCursor = cursor;
                synced = false;
                epoch = m.epoch();
            }
            if (!synced) {
                if (pending.size() >= maxPending) {
                    requestClose(CloseReason.SLOW_CONSUMER);
                } else {
                    pending.add(m);
                }
            } else if (m.seq() > cursor) {
                cursor = m.seq();
                if (visible(m)) {
                    offered = offer(frame);
                }
            }
            close = takeCloseRequest();
        }
        finishClose(close);
        if (newLog && close == null) {
            service.resync(this, oldEpoch, oldCursor, false);
        }
        return offered;
    }

    /** Sends a frame outside the message stream (ack, error). */
    void send(String frame) {
        send(OutboundFrame.of(frame));
    }

    /** Sends a frame outside the message stream (e.g. a typing notice, encoded once for the room). */
    void send(OutboundFrame frame) {
        CloseReason close;
        synchronized (this) {
            if (!open) {
                return;
            }
            offer(frame);
            close = takeCloseRequest();
        }
        finishClose(close);
    }

    /** Whether a typing notice may go now (at most one per interval); records it when so. */
    synchronized boolean typingAllowed(long nowMillis, long minIntervalMillis) {
        if (lastTypingMillis != Long.MIN_VALUE && nowMillis - lastTypingMillis < minIntervalMillis) {
            return false;
        }
        lastTypingMillis = nowMillis;
        return true;
    }

    /** Closes the connection for {@code reason} and leaves the room (e.g. banned, server error). */
    void kick(CloseReason reason) {
        CloseReason close;
        synchronized (this) {
            requestClose(reason);
            close = takeCloseRequest();
        }
        finishClose(close);
    }

    private boolean offer(OutboundFrame frame) {
        if (closeRequest != null) {
            return false;
        }
        if (!connection.offer(frame)) {
            requestClose(CloseReason.SLOW_CONSUMER);
            return false;
        }
        return true;
    }

    private void requestClose(CloseReason reason) {
        if (closeRequest == null) {
            closeRequest = reason;
        }
    }

    private CloseReason takeCloseRequest() {
        CloseReason r = closeRequest;
        if (r != null && open) {
            open = false;
            pending.clear();
            return r;
        }
        return null;
    }

    /** Outside this session's lock: close the connection and leave the room. */
    private void finishClose(CloseReason reason) {
        if (reason != null) {
            connection.close(reason);
            service.closedBy(this, reason);
        }
    }

    private static String clientMsgIdOf(ParseResult r) {
        return r instanceof ClientCommand.Send s ? s.clientMsgId() : null;
    }
}
