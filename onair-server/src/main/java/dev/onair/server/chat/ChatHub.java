package dev.onair.server.chat;

import dev.onair.messaging.service.MessagingService;
import dev.onair.messaging.wire.ErrorCode;
import dev.onair.server.auth.TokenService;
import dev.onair.server.config.MessagingSettings;
import dev.onair.server.http.PrometheusWriter;
import dev.onair.transport.clock.MediaClock;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every {@code /chat} socket shares: the token service, the messaging service, the limits and the counters
 * ({@link #writeMetrics}). The messaging service routes messages to each joined socket's connection itself, so the
 * hub keeps no list of sockets.
 */
public final class ChatHub {
    /** Where the messaging WebSocket upgrades. */
    public static final String PATH = "/chat";
    /** Close the socket when no join arrived this long after the upgrade. */
    public static final long JOIN_TIMEOUT_MILLIS = 10_000;
    /** The largest text frame handed to the service; larger ones get {@code payload_too_large}. */
    public static final int MAX_FRAME_BYTES = 16 * 1024;
    /** The decoder's limit: frames up to this get an error frame, larger ones close the socket with 1009. */
    public static final int DECODER_MAX_FRAME_BYTES = 64 * 1024;

    private final TokenService tokens;
    private final MessagingService service;
    private final long joinTimeoutMillis;
    private final long writeWindowMillis;
    private final AtomicInteger connections = new AtomicInteger();
    private final ReentrantLock closeLock = new ReentrantLock();
    private final Condition allClosed = closeLock.newCondition();
    private final Map<JoinError, LongAdder> joinErrors = new EnumMap<>(JoinError.class);
    private final Map<EventLoop, ChatOutbox> outboxes = new ConcurrentHashMap<>();
    private final MediaClock clock = MediaClock.system();

    public ChatHub(TokenService tokens, MessagingService service) {
        this(tokens, service, JOIN_TIMEOUT_MILLIS, MessagingSettings.DEFAULT_WRITE_WINDOW_MILLIS);
    }

    /**
     * @param joinTimeoutMillis how long a socket may stay without a join
     * @param writeWindowMillis {@code messaging.writeWindowMillis}: see {@link ChatOutbox}
     */
    public ChatHub(TokenService tokens, MessagingService service, long joinTimeoutMillis, long writeWindowMillis) {
        this.tokens = tokens;
        this.service = service;
        this.joinTimeoutMillis = joinTimeoutMillis;
        this.writeWindowMillis = writeWindowMillis;
        for (JoinError e : JoinError.values()) {
            joinErrors.put(e, new LongAdder());
        }
    }

    /** A new handler for one connection (handlers hold per-socket state). */
    public ChannelHandler newHandler() {
        return new ChatSocketHandler(this);
    }

    public MessagingService service() {
        return service;
    }

    TokenService tokens() {
        return tokens;
    }

    /** The fan-out batch of {@code loop}, shared by its {@code /chat} connections. */
    ChatOutbox outbox(EventLoop loop) {
        return outboxes.computeIfAbsent(loop, l -> new ChatOutbox(l, clock, writeWindowMillis));
    }

    long joinTimeoutMillis() {
        return joinTimeoutMillis;
    }

    /** Open {@code /chat} sockets (joined or not). */
    public int connections() {
        return connections.get();
    }

    void opened() {
        connections.incrementAndGet();
    }

    void closed() {
        if (connections.decrementAndGet() <= 0) {
            closeLock.lock();
            try {
                allClosed.signalAll();
            } finally {
                closeLock.unlock();
            }
        }
    }

    /**
     * Waits until every {@code /chat} socket has closed, at most {@code timeoutMillis}: at shutdown, after the service
     * closed its sessions, so that their 1001 close frames are written before HTTP stops (else the peers see 1006).
     * Returns whether all closed.
     */
    public boolean awaitClosed(long timeoutMillis) throws InterruptedException {
        long remainingNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        closeLock.lock();
        try {
            while (connections.get() > 0) {
                if (remainingNanos <= 0) {
                    return false;
                }
                remainingNanos = allClosed.awaitNanos(remainingNanos);
            }
            return true;
        } finally {
            closeLock.unlock();
        }
    }

    void countJoinError(JoinError e) {
        joinErrors.get(e).increment();
    }

    /** A frame refused before the service saw it (binary, over 16 KiB): counted with the service's errors. */
    void countFrameError(ErrorCode code) {
        service.errors().count(code);
    }

    /** The messaging families for {@code /metrics}. */
    public void writeMetrics(PrometheusWriter w) {
        w.family("onair_chat_connections", "gauge", "Open /chat sockets.")
                .sample("onair_chat_connections", connections.get());
        w.family("onair_chat_rooms", "gauge", "Rooms with /chat connections on this node.")
                .sample("onair_chat_rooms", service.roomCount());
        w.family("onair_chat_messages_stored_total", "counter", "Messages stored from /chat sockets (retries not "
                + "counted).").sample("onair_chat_messages_stored_total", service.storedMessages());
        w.family("onair_chat_deliveries_total", "counter", "Live message frames offered to /chat connections.")
                .sample("onair_chat_deliveries_total", service.deliveredFrames());
        w.family("onair_chat_errors_total", "counter", "Refused /chat frames and joins, by error code.");
        for (ErrorCode code : ErrorCode.values()) {
            w.sample("onair_chat_errors_total", "code", code.wireName(), service.errors().get(code));
        }
        for (JoinError e : JoinError.values()) {
            w.sample("onair_chat_errors_total", "code", "join_" + e.wireName(), joinErrors.get(e).sum());
        }
        w.family("onair_chat_slow_consumer_disconnects_total", "counter", "/chat connections closed with 4429 "
                + "(outbound budget exceeded).")
                .sample("onair_chat_slow_consumer_disconnects_total", service.slowConsumerDisconnects());
    }
}
