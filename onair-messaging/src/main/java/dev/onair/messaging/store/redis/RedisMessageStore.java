package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.AppendResult;
import dev.onair.messaging.store.Draft;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.LogState;
import dev.onair.messaging.store.MessageStore;
import dev.onair.messaging.store.Replay;
import dev.onair.messaging.store.StoredMessage;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@link MessageStore} on Redis Streams (Lettuce, async): one Redis per deployment, shared by every node. Key layout
 * in {@link RedisKeys}: per room, hash-tagged with the room so that a script's keys share a Redis Cluster slot.
 *
 * <p><b>Entry ids.</b> A message's stream entry id is {@code <seq>-0}: the room sequence is the id, so replay and
 * paging are a direct {@code XRANGE}/{@code XREVRANGE} by sequence and a tail's {@code XREAD} resumes from
 * {@code <lastSeq>-0}, with no secondary index. The price: Redis's time-based ids are gone, so trimming by age cannot
 * be a plain {@code XTRIM MINID <time>}. Instead each entry carries its server time (field {@code t}, from the
 * injected clock) and the script keeps times non-decreasing along a room's log (a message is stamped
 * {@code max(now, newest entry's time)}, which only matters when nodes' clocks disagree), so the expired entries are a
 * prefix: a binary search by seq finds its end and one {@code XTRIM MINID <seq>-0} drops it.
 *
 * <p><b>Append</b> is one Lua script ({@code append.lua}, loaded once, run by EVALSHA): the idempotency key (sender +
 * clientMsgId, holding {@code seq:time:fingerprint}, expiring with the history's age: same fingerprint → duplicate,
 * other → conflict), {@code INCR} of the room's sequence, {@code XADD}, the tombstone mark (a zset of deleted seqs,
 * applied by reads), {@code XTRIM MAXLEN} (exact) and the age trim. Reads ({@code read.lua}) trim by age too, so
 * history never outlives its age even in a quiet room, and return the log's position with the entries atomically.
 *
 * <p><b>Epoch.</b> Set once per room with {@code SET NX} from this store's candidate, {@code clockMillis * 1000 +
 * random(1000)} (seeded): distinct across logs made at different times and below 2^53, so JavaScript clients keep it
 * exact.
 *
 * <p><b>Tail.</b> One dedicated connection per store, see {@link RedisTailReader}.
 *
 * <p>Never throws on data read back: a malformed entry is skipped and counted ({@link #malformedEntries()}).
 *
 * <p>Needs Redis 6.2 or later ({@code XTRIM MINID}); tested with Debian's 7.0. A tail asked to start before the oldest
 * message kept starts at the oldest: callers replay first ({@link #replayAfter}) and tail from what the replay gave.
 */
public final class RedisMessageStore implements MessageStore {
    private static final String TAIL_CLIENT_NAME = "onair-msg-tail";

    private final RedisStoreOptions options;
    private final InstantSource clock;
    private final Random epochRandom;
    private final RedisKeys keys;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisScript appendScript;
    private final RedisScript readScript;
    private final AtomicLong malformed = new AtomicLong();
    private final RedisTailReader tails;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisMessageStore(RedisStoreOptions options, InstantSource clock) throws Exception {
        this.options = options;
        this.clock = clock;
        this.epochRandom = new Random(options.epochSeed());
        this.keys = new RedisKeys(options.keyPrefix());
        RedisURI uri = RedisURI.create(options.redisUrl());
        uri.setTimeout(Duration.ofMillis(options.commandTimeoutMillis()));
        this.client = RedisClient.create(uri);
        try {
            this.connection = client.connect();
            this.redis = connection.async();
            this.appendScript = RedisScript.load(redis, "append");
            this.readScript = RedisScript.load(redis, "read");
            StatefulRedisConnection<String, String> tailConnection = client.connect();
            tailConnection.sync().clientSetname(TAIL_CLIENT_NAME);
            this.tails = new RedisTailReader(tailConnection, redis, keys, this::epochBlocking,
                    options.tailBlockMillis(), malformed);
        } catch (Exception e) {
            client.shutdown();
            throw e;
        }
    }

    /**
     * Connects to {@code options.redisUrl()} (blocking, at most a few seconds) and loads the scripts.
     *
     * @throws IllegalStateException when Redis cannot be reached
     */
    public static RedisMessageStore connect(RedisStoreOptions options, InstantSource clock) {
        try {
            return new RedisMessageStore(options, clock);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect the message store to " + options.redisUrl() + ": " + e, e);
        }
    }

    /** Stream entries skipped because they could not be read back. */
    public long malformedEntries() {
        return malformed.get();
    }

    /** Tail listeners that threw (the tail goes on). */
    public long tailListenerFailures() {
        return tails.listenerFailures();
    }

    /** Tail reads that failed and were issued again (e.g. after a reconnect). */
    public long tailReadFailures() {
        return tails.readFailures();
    }

    /** Times a tailed room's log was found recreated under a new epoch (its keys expired or were flushed). */
    public long tailNewLogs() {
        return tails.newLogs();
    }

    /** The Redis client id of the tail reader's connection as last seen (tests kill it). */
    long tailClientId() {
        return tails.readerClientId();
    }

    @Override
    public CompletionStage<AppendResult> append(String room, Draft draft) {
        HistoryLimits limits = options.limits();
        boolean idempotent = draft.clientMsgId() != null;
        String[] k = {keys.epoch(room), keys.seq(room), keys.log(room), keys.deleted(room),
                idempotent ? keys.idempotency(room, draft.sender(), draft.clientMsgId()) : keys.base(room) + "idem",
                keys.muted(room), keys.banned(room)};
        List<String> args = new ArrayList<>(20);
        args.add(Long.toString(epochCandidate()));
        args.add(Long.toString(clock.millis()));
        args.add(Long.toString(limits.maxAgeMillis()));
        args.add(Integer.toString(limits.maxMessages()));
        args.add(idempotent ? "1" : "0");
        args.add(idempotent ? EntryCodec.fingerprint(draft) : "");
        args.add(Long.toString(draft.targetSeq()));
        args.add(Long.toString(options.roomIdleTtlMillis()));
        args.addAll(EntryCodec.fields(draft));
        return appendScript.run(redis, k, args.toArray(new String[0])).thenApply(reply -> appended(room, draft, reply));
    }

    private static AppendResult appended(String room, Draft draft, List<Object> reply) {
        String verdict = reply.isEmpty() ? "" : String.valueOf(reply.get(0));
        switch (verdict) {
            case "ok":
                return AppendResult.stored(new StoredMessage(room, asLong(reply.get(1)), asLong(reply.get(2)),
                        asLong(reply.get(3)), draft, false));
            case "dup":
                boolean deleted = asLong(reply.get(4)) == 1;
                Draft shown = deleted ? new Draft(draft.kind(), draft.sender(), draft.clientMsgId(), draft.to(),
                        EntryCodec.DELETED_BODY, draft.targetSeq()) : draft;
                return AppendResult.duplicateOf(new StoredMessage(room, asLong(reply.get(1)), asLong(reply.get(2)),
                        asLong(reply.get(3)), shown, deleted));
            case "conflict":
                return AppendResult.conflicting();
            default:
                throw new IllegalStateException("unexpected append reply " + reply);
        }
    }

    @Override
    public CompletionStage<Replay> replayAfter(String room, long epoch, long afterSeq, int limit) {
        return read(room, "replay", limit, Long.toString(epoch), Long.toString(afterSeq)).thenApply(r -> {
            List<StoredMessage> messages = r.messages(room);
            if (!r.recovered()) {
                Collections.reverse(messages);
            }
            return new Replay(r.recovered(), r.state(), messages);
        });
    }

    @Override
    public CompletionStage<List<StoredMessage>> page(String room, long beforeSeq, int limit) {
        if (beforeSeq <= 1) {
            return CompletableFuture.completedFuture(List.of());
        }
        long newest = Math.min(beforeSeq, 1L << 53) - 1;
        return read(room, "page", limit, newest + "-0").thenApply(r -> List.copyOf(r.messages(room)));
    }

    @Override
    public CompletionStage<LogState> state(String room) {
        return read(room, "state", 0).thenApply(ReadReply::state);
    }

    @Override
    public Tail tail(String room, long afterSeq, Consumer<StoredMessage> listener) {
        return tails.add(room, afterSeq, listener);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            tails.close();
        } finally {
            connection.close();
            client.shutdown();
        }
    }

    private long epochBlocking(String room) {
        try {
            return state(room).toCompletableFuture()
                    .get(options.commandTimeoutMillis(), TimeUnit.MILLISECONDS).epoch();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the epoch of " + room, e);
        }
    }

    private long epochCandidate() {
        return Math.max(1L, clock.millis()) * 1_000L + epochRandom.nextInt(1_000);
    }

    private CompletionStage<ReadReply> read(String room, String mode, int limit, String... extra) {
        HistoryLimits limits = options.limits();
        String[] k = {keys.epoch(room), keys.seq(room), keys.log(room), keys.deleted(room)};
        List<String> args = new ArrayList<>(8);
        args.add(Long.toString(epochCandidate()));
        args.add(Long.toString(clock.millis()));
        args.add(Long.toString(limits.maxAgeMillis()));
        args.add(mode);
        args.add(Integer.toString(Math.max(0, limit)));
        args.add(Long.toString(options.roomIdleTtlMillis()));
        args.addAll(List.of(extra));
        return readScript.run(redis, k, args.toArray(new String[0])).thenApply(this::readReply);
    }

    private ReadReply readReply(List<Object> reply) {
        if (reply.size() != 5) {
            throw new IllegalStateException("unexpected read reply " + reply);
        }
        LogState state = new LogState(asLong(reply.get(0)), asLong(reply.get(1)), asLong(reply.get(2)));
        List<?> entries = reply.get(4) instanceof List<?> l ? l : List.of();
        return new ReadReply(state, asLong(reply.get(3)) == 1, entries);
    }

    private static long asLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        long v = EntryCodec.parseLong(String.valueOf(o), Long.MIN_VALUE);
        if (v == Long.MIN_VALUE) {
            throw new IllegalStateException("not a number in a script reply: " + o);
        }
        return v;
    }

    /** A read script's answer, its entries still raw. */
    private final class ReadReply {
        private final LogState state;
        private final boolean recovered;
        private final List<?> entries;

        ReadReply(LogState state, boolean recovered, List<?> entries) {
            this.state = state;
            this.recovered = recovered;
            this.entries = entries;
        }

        LogState state() {
            return state;
        }

        boolean recovered() {
            return recovered;
        }

        /** The readable entries as messages, in reply order (a mutable list); malformed ones skipped and counted. */
        List<StoredMessage> messages(String room) {
            List<StoredMessage> out = new ArrayList<>(entries.size());
            for (Object e : entries) {
                Optional<StoredMessage> m = decode(room, e);
                if (m.isPresent()) {
                    out.add(m.get());
                } else {
                    malformed.incrementAndGet();
                }
            }
            return out;
        }

        private Optional<StoredMessage> decode(String room, Object entry) {
            if (!(entry instanceof List<?> parts) || parts.size() != 3 || !(parts.get(0) instanceof String id)) {
                return Optional.empty();
            }
            Map<String, String> fields = EntryCodec.fieldMap(parts.get(1));
            if (fields == null) {
                return Optional.empty();
            }
            boolean deleted = Long.valueOf(1).equals(parts.get(2));
            return EntryCodec.decode(room, state.epoch(), id, fields, deleted);
        }
    }
}
