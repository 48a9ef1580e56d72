/**
 * The Redis Streams message store ({@link dev.onair.messaging.store.redis.RedisMessageStore}): one Redis per
 * deployment shared by every node; each room's log is a stream appended by one Lua script (sequence, idempotency,
 * tombstones, trimming by count and age, the room's idle TTL) and tailed by one blocking reader per store. And the
 * shared mutes and bans ({@link dev.onair.messaging.store.redis.RedisModerationStore}): per-room sets, a node-local
 * view kept current by pub/sub. No Redis type leaves this package.
 */
package dev.onair.messaging.store.redis;
