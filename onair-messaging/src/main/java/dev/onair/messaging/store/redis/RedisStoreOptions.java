package dev.onair.messaging.store.redis;

import dev.onair.messaging.store.HistoryLimits;
import java.util.Objects;

/**
 * How a {@link RedisMessageStore} connects and lays out its keys.
 *
 * @param redisUrl        e.g. {@code redis://127.0.0.1:6379}
 * @param keyPrefix       prefix of every key (default {@code onair:msg:}); no braces (the room is the hash tag)
 * @param limits          the history each room keeps
 * @param epochSeed       seeds the random part of new epochs
 * @param tailBlockMillis how long one {@code XREAD BLOCK} of the tail reader waits (it is woken early when the set of
 *                        tailed rooms changes); below {@code commandTimeoutMillis}
 * @param commandTimeoutMillis how long a command may wait for its reply (e.g. while Redis is unreachable) before its
 *                        stage fails
 * @param roomIdleTtlMillis the TTL of a room's keys (log, sequence, epoch, deleted marks, moderation sets), refreshed
 *                        by every append (see {@link RedisKeys}); default history age + {@value #DEFAULT_IDLE_MARGIN_MILLIS} ms
 */
public record RedisStoreOptions(String redisUrl, String keyPrefix, HistoryLimits limits, long epochSeed,
                                long tailBlockMillis, long commandTimeoutMillis, long roomIdleTtlMillis) {
    public static final String DEFAULT_PREFIX = "onair:msg:";
    public static final long DEFAULT_TAIL_BLOCK_MILLIS = 2_000;
    public static final long DEFAULT_COMMAND_TIMEOUT_MILLIS = 5_000;
    public static final long DEFAULT_IDLE_MARGIN_MILLIS = 3_600_000;

    public RedisStoreOptions {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(limits, "limits");
        if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the key prefix must not hold braces: " + keyPrefix);
        }
        if (tailBlockMillis < 1 || commandTimeoutMillis <= tailBlockMillis) {
            throw new IllegalArgumentException("need 0 < tailBlockMillis < commandTimeoutMillis: " + tailBlockMillis
                    + ", " + commandTimeoutMillis);
        }
        if (roomIdleTtlMillis < 1) {
            throw new IllegalArgumentException("roomIdleTtlMillis must be positive: " + roomIdleTtlMillis);
        }
    }

    /** With the default room idle TTL (history age + {@value #DEFAULT_IDLE_MARGIN_MILLIS} ms). */
    public RedisStoreOptions(String redisUrl, String keyPrefix, HistoryLimits limits, long epochSeed,
                             long tailBlockMillis, long commandTimeoutMillis) {
        this(redisUrl, keyPrefix, limits, epochSeed, tailBlockMillis, commandTimeoutMillis,
                defaultIdleTtl(limits));
    }

    private static long defaultIdleTtl(HistoryLimits limits) {
        Objects.requireNonNull(limits, "limits");
        return limits.maxAgeMillis() > Long.MAX_VALUE - DEFAULT_IDLE_MARGIN_MILLIS ? Long.MAX_VALUE
                : limits.maxAgeMillis() + DEFAULT_IDLE_MARGIN_MILLIS;
    }

    /**
     * The defaults: prefix {@value #DEFAULT_PREFIX}, seed 0, {@value #DEFAULT_TAIL_BLOCK_MILLIS} ms blocks,
     * {@value #DEFAULT_COMMAND_TIMEOUT_MILLIS} ms command timeout.
     */
    public static RedisStoreOptions of(String redisUrl, HistoryLimits limits) {
        return new RedisStoreOptions(redisUrl, DEFAULT_PREFIX, limits, 0L, DEFAULT_TAIL_BLOCK_MILLIS,
                DEFAULT_COMMAND_TIMEOUT_MILLIS);
    }

    public RedisStoreOptions withKeyPrefix(String prefix) {
        return new RedisStoreOptions(redisUrl, prefix, limits, epochSeed, tailBlockMillis, commandTimeoutMillis,
                roomIdleTtlMillis);
    }

    public RedisStoreOptions withEpochSeed(long seed) {
        return new RedisStoreOptions(redisUrl, keyPrefix, limits, seed, tailBlockMillis, commandTimeoutMillis,
                roomIdleTtlMillis);
    }

    public RedisStoreOptions withRoomIdleTtlMillis(long ttlMillis) {
        return new RedisStoreOptions(redisUrl, keyPrefix, limits, epochSeed, tailBlockMillis, commandTimeoutMillis,
                ttlMillis);
    }

    public RedisStoreOptions withTailBlockMillis(long blockMillis) {
        return new RedisStoreOptions(redisUrl, keyPrefix, limits, epochSeed, blockMillis, commandTimeoutMillis,
                roomIdleTtlMillis);
    }
}
