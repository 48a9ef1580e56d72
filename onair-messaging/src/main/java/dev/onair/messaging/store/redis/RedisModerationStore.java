package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.InMemoryModerationStore;
import dev.onair.messaging.store.ModerationStore;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModerationStore} shared by every node on one Redis: per room a Redis SET of muted and one of banned
 * identities ({@link RedisKeys#muted}, {@link RedisKeys#banned}), and a node-local view that the checks read.
 *
 * <p><b>Why a view kept by pub/sub.</b> A mute or ban is checked for every sent message and join, on the transport's
 * event loop, so the check must not wait for Redis. Each node keeps the whole moderation state in memory (it is small:
 * a few identities per moderated room) and keeps it current from one pub/sub channel ({@link
 * RedisKeys#moderationChannel}): a change is one Lua script ({@code moderate.lua}: {@code SADD}/{@code SREM}, the
 * set's TTL, {@code PUBLISH}), atomically, so a change stored is a change announced. The node that made it applies it
 * when its own announcement comes back (the change's stage completes only then), the others within a pub/sub delivery
 * (about a round trip). Views apply changes only in announcement order (one subscription delivers them in publish
 * order), never a node's own change ahead of it: else a late echo of "ban" could undo a later "unban" for a moment.
 * If the echo does not come within the command timeout (subscription down), the node applies its change itself.
 * The alternative, refusing a muted or banned sender inside the append script, would be exact but only for sends
 * (joins and the closing of a banned identity's connections need the event anyway); the price of the view is that a
 * message sent on another node in the instant between a mute and its delivery there is still stored.
 *
 * <p><b>Start and reconnects.</b> The view subscribes first, then loads every room's sets ({@code SCAN} +
 * {@code SMEMBERS}); changes that arrive while it loads are applied after the load, in order. Pub/sub loses what is
 * published while the connection is down, so after each reconnect of the subscription the view is loaded again (on a
 * thread of this store) and the differences are applied as changes: a ban made meanwhile still closes connections.
 *
 * <p><b>Expiry.</b> A set's TTL is the room's idle TTL ({@link RedisStoreOptions#roomIdleTtlMillis}), refreshed by each
 * change and by each append to the room. A set that expires is not announced: the views keep it until their next load.
 *
 * <p>A malformed announcement (not one this class wrote) is ignored and counted ({@link #malformedAnnouncements}).
 */
public final class RedisModerationStore implements ModerationStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisModerationStore.class);
    private static final String MUTED = "muted";
    private static final String BANNED = "banned";

    private final RedisStoreOptions options;
    private final RedisKeys keys;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final RedisScript moderateScript;
    private final InMemoryModerationStore view = new InMemoryModerationStore();
    private final ExecutorService reloader;
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lock = new Object();
    /** This node's changes stored and not yet seen announced, by nonce. */
    private final Map<String, Change> awaitingEcho = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> echoed = new ConcurrentHashMap<>();
    private final AtomicLong nonces = new AtomicLong();
    private final String nodeTag;
    /** Guarded by {@link #lock}: announcements that came while a load runs (null when none runs). */
    private List<Change> heldWhileLoading;

    /** One change as announced. */
    record Change(String room, String identity, Kind kind, boolean on, String nonce) {
    }

    private RedisModerationStore(RedisStoreOptions options) throws Exception {
        this.options = options;
        this.keys = new RedisKeys(options.keyPrefix());
        RedisURI uri = RedisURI.create(options.redisUrl());
        uri.setTimeout(Duration.ofMillis(options.commandTimeoutMillis()));
        this.client = RedisClient.create(uri);
        this.reloader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "onair-moderation-load");
            t.setDaemon(true);
            return t;
        });
        try {
            this.connection = client.connect();
            this.redis = connection.async();
            this.moderateScript = RedisScript.load(redis, "moderate");
            this.nodeTag = Long.toString(redis.clientId().get(), 36); // unique among this Redis's clients
            this.pubsub = client.connectPubSub();
            pubsub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    onAnnouncement(message);
                }
            });
            pubsub.sync().subscribe(keys.moderationChannel());
            load();
            client.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                    if (handler == pubsub && !closed.get()) {
                        reloader.execute(RedisModerationStore.this::reloadQuietly);
                    }
                }
            });
        } catch (Exception e) {
            reloader.shutdownNow();
            client.shutdown();
            throw e;
        }
    }

    /**
     * Connects to {@code options.redisUrl()}, subscribes and loads every room's moderation (blocking, at most a few
     * seconds).
     *
     * @throws IllegalStateException when Redis cannot be reached
     */
    public static RedisModerationStore connect(RedisStoreOptions options) {
        try {
            return new RedisModerationStore(options);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect the moderation store to " + options.redisUrl() + ": " + e,
                    e);
        }
    }

    @Override
    public CompletionStage<Void> set(String room, String identity, Kind kind, boolean on) {
        String[] k = {kind == Kind.MUTE ? keys.muted(room) : keys.banned(room)};
        String nonce = nodeTag + "." + Long.toString(nonces.incrementAndGet(), 36);
        Change change = new Change(room, identity, kind, on, nonce);
        CompletableFuture<Void> done = new CompletableFuture<>();
        echoed.put(nonce, done);
        awaitingEcho.put(nonce, change);
        String[] args = {on ? "1" : "0", identity, Long.toString(options.roomIdleTtlMillis()),
                keys.moderationChannel(), encode(change)};
        moderateScript.run(redis, k, args).whenComplete((reply, err) -> {
            if (err != null) {
                awaitingEcho.remove(nonce);
                echoed.remove(nonce);
                done.completeExceptionally(err);
            } else {
                CompletableFuture.delayedExecutor(options.commandTimeoutMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> applyUnechoed(nonce));
            }
        });
        return done;
    }

    /** The change's announcement did not come back in time: apply it here anyway. */
    private void applyUnechoed(String nonce) {
        Change c = awaitingEcho.remove(nonce);
        if (c != null) {
            LOG.warn("moderation change {} {} in {} not heard back on the channel; applied locally", c.kind(),
                    c.identity(), c.room());
            applyAnnounced(c);
        }
    }

    @Override
    public boolean isMuted(String room, String identity) {
        return view.isMuted(room, identity);
    }

    @Override
    public boolean isBanned(String room, String identity) {
        return view.isBanned(room, identity);
    }

    @Override
    public CompletionStage<Set<String>> list(String room, Kind kind) {
        return redis.smembers(kind == Kind.MUTE ? keys.muted(room) : keys.banned(room)).thenApply(Set::copyOf);
    }

    @Override
    public void listen(Listener listener) {
        view.listen(listener);
    }

    /** Announcements ignored because they were malformed. */
    public long malformedAnnouncements() {
        return malformed.get();
    }

    /** Times the view was loaded from Redis (1 after connecting; one more per reconnect of the subscription). */
    public long loads() {
        return loads.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reloader.shutdownNow();
        try {
            pubsub.close();
            connection.close();
        } finally {
            client.shutdown();
        }
    }

    // ---- announcements ----

    /** {@code <m|b><1|0><nonce>;<room length in chars>:<room><identity>}. */
    static String encode(Change c) {
        return (c.kind() == Kind.MUTE ? "m" : "b") + (c.on() ? "1" : "0") + c.nonce() + ";" + c.room().length() + ":"
                + c.room() + c.identity();
    }

    /** The change of an announcement; null when it is malformed. */
    static Change decode(String message) {
        if (message == null || message.length() < 5) {
            return null;
        }
        char k = message.charAt(0);
        char o = message.charAt(1);
        int semicolon = message.indexOf(';', 2);
        int colon = semicolon < 0 ? -1 : message.indexOf(':', semicolon);
        if ((k != 'm' && k != 'b') || (o != '1' && o != '0') || semicolon < 3 || colon < semicolon + 2
                || colon > semicolon + 11) {
            return null;
        }
        long length = EntryCodec.parseLong(message.substring(semicolon + 1, colon), -1);
        if (length < 1 || length > message.length() - colon - 2) {
            return null;
        }
        int roomEnd = colon + 1 + (int) length;
        return new Change(message.substring(colon + 1, roomEnd), message.substring(roomEnd),
                k == 'm' ? Kind.MUTE : Kind.BAN, o == '1', message.substring(2, semicolon));
    }

    private void onAnnouncement(String message) {
        Change c = decode(message);
        if (c == null) {
            malformed.incrementAndGet();
            LOG.warn("ignored a malformed moderation announcement");
            return;
        }
        awaitingEcho.remove(c.nonce());
        synchronized (lock) {
            if (heldWhileLoading != null) {
                heldWhileLoading.add(c);
                return;
            }
        }
        applyAnnounced(c);
    }

    /** Applies a change to the view, then completes its {@link #set} when it is this node's. */
    private void applyAnnounced(Change c) {
        view.apply(c.room(), c.identity(), c.kind(), c.on());
        CompletableFuture<Void> done = echoed.remove(c.nonce());
        if (done != null) {
            done.complete(null);
        }
    }

    // ---- loading ----

    private void reloadQuietly() {
        try {
            load();
        } catch (RuntimeException e) {
            LOG.warn("reloading moderation from Redis failed (the view keeps what it had): {}", e.toString());
        }
    }

    /**
     * Reads every room's sets (blocking) and makes the view equal to them, applying each difference as a change; the
     * announcements that came meanwhile are applied afterwards, in order.
     */
    private void load() {
        synchronized (lock) {
            heldWhileLoading = new ArrayList<>();
        }
        List<Change> held;
        try {
            RedisCommands<String, String> sync = connection.sync();
            for (Kind kind : Kind.values()) {
                String suffix = kind == Kind.MUTE ? MUTED : BANNED;
                Map<String, Set<String>> stored = new HashMap<>();
                ScanArgs match = ScanArgs.Builder.matches(keys.scanPattern(suffix)).limit(500);
                KeyScanCursor<String> cursor = sync.scan(match);
                while (true) {
                    for (String key : cursor.getKeys()) {
                        String room = keys.roomOf(key, suffix);
                        if (room != null) {
                            stored.put(room, new HashSet<>(sync.smembers(key)));
                        }
                    }
                    if (cursor.isFinished()) {
                        break;
                    }
                    cursor = sync.scan(ScanCursor.of(cursor.getCursor()), match);
                }
                converge(kind, stored);
            }
            loads.incrementAndGet();
        } finally {
            synchronized (lock) {
                held = heldWhileLoading;
                heldWhileLoading = null;
            }
            for (Change c : held) {
                applyAnnounced(c);
            }
        }
    }

    private void converge(Kind kind, Map<String, Set<String>> stored) {
        Set<String> rooms = new HashSet<>(view.rooms(kind));
        rooms.addAll(stored.keySet());
        for (String room : rooms) {
            Set<String> want = stored.getOrDefault(room, Set.of());
            Set<String> have = view.list(room, kind).toCompletableFuture().join();
            for (String identity : have) {
                if (!want.contains(identity)) {
                    view.apply(room, identity, kind, false);
                }
            }
            for (String identity : want) {
                if (!have.contains(identity)) {
                    view.apply(room, identity, kind, true);
                }
            }
        }
    }
}
