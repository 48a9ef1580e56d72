-- Appends one message to a room's log, atomically.
-- KEYS: 1 epoch, 2 seq counter, 3 log stream, 4 deleted-seqs zset, 5 idempotency key (sender + clientMsgId),
--       6 muted set, 7 banned set (only their TTL is refreshed here)
-- ARGV: 1 candidate epoch, 2 now (ms), 3 max age (ms), 4 max messages, 5 "1" when KEYS[5] applies,
--       6 content fingerprint, 7 target seq of a DELETE (or "-1"), 8 the room's idle TTL (ms),
--       9.. the entry's field/value pairs except "t" and "e"
-- Returns {"ok", epoch, seq, timeMillis} | {"dup", epoch, seq, timeMillis, deleted 0/1} | {"conflict"}
-- Every room key but the idempotency key gets the idle TTL again: a room expires only once nobody writes to it.
local idleTtlMillis = ARGV[8]
local epoch = ensureEpoch(KEYS[1], ARGV[1], idleTtlMillis)
local nowMillis = tonumber(ARGV[2])
local maxAgeMillis = tonumber(ARGV[3])

if ARGV[5] == '1' then
  local prior = redis.call('GET', KEYS[5])
  if prior then
    local pSeq, pTime, pPrint = string.match(prior, '^(%d+):(%d+):(.*)$')
    if pSeq and pPrint == ARGV[6] then
      local deleted = redis.call('ZSCORE', KEYS[4], pSeq) and 1 or 0
      return {'dup', epoch, tonumber(pSeq), pTime, deleted}
    elseif pSeq then
      return {'conflict'}
    end
  end
end

-- Times never decrease along the log (nodes' clocks may differ a little): stamp max(now, newest entry's time).
local timeText = ARGV[2]
local seq = redis.call('INCR', KEYS[2])
local newest = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
if #newest > 0 then
  local newestTime = timeOf(newest[1])
  if newestTime > nowMillis then
    timeText = tostring(newestTime)
  end
  local newestSeq = seqOf(newest[1][1])
  if newestSeq and newestSeq >= seq then
    -- the counter was lost while the log stayed: go on after the log
    seq = newestSeq + 1
    redis.call('SET', KEYS[2], seq)
  end
end

-- "e": the epoch, so that a tail reading across a wiped and recreated log tells the two logs apart
local fields = {'t', timeText, 'e', epoch}
for i = 9, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('XADD', KEYS[3], seq .. '-0', unpack(fields))

if ARGV[5] == '1' then
  redis.call('SET', KEYS[5], seq .. ':' .. timeText .. ':' .. ARGV[6], 'PX', maxAgeMillis)
end
local target = tonumber(ARGV[7])
if target and target >= 1 and target < seq then
  redis.call('ZADD', KEYS[4], target, target)
end

redis.call('XTRIM', KEYS[3], 'MAXLEN', ARGV[4])
trimByAge(KEYS[3], KEYS[4], seq, nowMillis - maxAgeMillis)
local oldest = oldestSeq(KEYS[3], seq)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. oldest)
for i = 1, 7 do
  if i ~= 5 then
    redis.call('PEXPIRE', KEYS[i], idleTtlMillis)
  end
end
return {'ok', epoch, seq, timeText}
