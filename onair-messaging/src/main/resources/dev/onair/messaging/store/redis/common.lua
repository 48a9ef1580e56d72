-- Shared by append.lua and read.lua (RedisScripts prepends it). Stream entry ids are "<seq>-0"; every entry has the
-- field "t" (server time, ms) and times never decrease along the stream, so the oldest entries are a prefix.

-- The seq of an entry id "<seq>-0".
local function seqOf(id)
  return tonumber(string.match(id, '^(%d+)%-'))
end

-- The "t" field of an XRANGE entry {id, {f1, v1, ...}}; 0 when missing or malformed (such an entry trims first).
local function timeOf(entry)
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == 't' then
      return tonumber(fields[i + 1]) or 0
    end
  end
  return 0
end

-- The room's epoch: set once from the caller's candidate (expiring after ttlMillis unless an append refreshes it),
-- then read.
local function ensureEpoch(epochKey, candidate, ttlMillis)
  redis.call('SET', epochKey, candidate, 'NX', 'PX', ttlMillis)
  return redis.call('GET', epochKey)
end

-- Drops the prefix of entries older than minTimeMillis: a binary search over the seqs (XRANGE <mid> + COUNT 1 finds the
-- first entry at or after mid), then one XTRIM MINID. Deleted marks below the new oldest seq go too.
local function trimByAge(logKey, delKey, lastSeq, minTimeMillis)
  local first = redis.call('XRANGE', logKey, '-', '+', 'COUNT', 1)
  if #first == 0 or timeOf(first[1]) >= minTimeMillis then
    return
  end
  local lo = seqOf(first[1][1])   -- an entry known too old
  local hi = lastSeq + 1          -- every entry from hi on is young enough (none exists at hi yet)
  while hi - lo > 1 do
    local mid = math.floor((lo + hi) / 2)
    local e = redis.call('XRANGE', logKey, mid .. '-0', '+', 'COUNT', 1)
    if #e == 0 then
      hi = mid
    elseif timeOf(e[1]) >= minTimeMillis then
      hi = mid
    else
      local s = seqOf(e[1][1])
      if s >= hi then
        break
      end
      lo = s
    end
  end
  redis.call('XTRIM', logKey, 'MINID', hi .. '-0')
  redis.call('ZREMRANGEBYSCORE', delKey, '-inf', '(' .. hi)
end

-- The oldest seq still in the log, or lastSeq + 1 when it is empty.
local function oldestSeq(logKey, lastSeq)
  local first = redis.call('XRANGE', logKey, '-', '+', 'COUNT', 1)
  if #first == 0 then
    return lastSeq + 1
  end
  return seqOf(first[1][1])
end
