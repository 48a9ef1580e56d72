-- Sets or clears one identity in a room's moderation set and announces it, atomically (RedisModerationStore).
-- KEYS: 1 the room's muted or banned set
-- ARGV: 1 "1" to add, "0" to remove, 2 the identity, 3 the room's idle TTL (ms), 4 the announcement channel,
--       5 the announcement
-- Returns {"ok"}
if ARGV[1] == '1' then
  redis.call('SADD', KEYS[1], ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
else
  redis.call('SREM', KEYS[1], ARGV[2])
end
redis.call('PUBLISH', ARGV[4], ARGV[5])
return {'ok'}
