-- Reads a room's log position and, by mode, some of its entries; trims by age first (reads see no expired history).
-- KEYS: 1 epoch, 2 seq counter, 3 log stream, 4 deleted-seqs zset
-- ARGV: 1 candidate epoch, 2 now (ms), 3 max age (ms), 4 mode ("state" | "replay" | "page"), 5 limit,
--       6 the room's idle TTL (ms, for an epoch made here; reads refresh no TTL),
--       mode "replay": 7 the client's epoch, 8 its last seq; mode "page": 7 the end id (inclusive, "<seq>-0")
-- Returns {epoch, lastSeq, oldestSeq, recovered 0/1, entries} with entries {{id, {f1, v1, ...}, deleted 0/1}, ...}:
-- oldest first for a recovered replay, newest first otherwise.
local epoch = ensureEpoch(KEYS[1], ARGV[1], ARGV[6])
local lastSeq = tonumber(redis.call('GET', KEYS[2]) or '0')
trimByAge(KEYS[3], KEYS[4], lastSeq, tonumber(ARGV[2]) - tonumber(ARGV[3]))
local oldest = oldestSeq(KEYS[3], lastSeq)
local mode = ARGV[4]
local limit = ARGV[5]
local recovered = 0
local entries = {}
local wanted = tonumber(limit) >= 1
if mode == 'replay' then
  local afterSeq = tonumber(ARGV[8])
  if ARGV[7] == epoch and afterSeq and afterSeq >= oldest - 1 and afterSeq <= lastSeq then
    recovered = 1
    if wanted and afterSeq < lastSeq then
      entries = redis.call('XRANGE', KEYS[3], (afterSeq + 1) .. '-0', '+', 'COUNT', limit)
    end
  elseif wanted then
    entries = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', limit)
  end
elseif mode == 'page' and wanted then
  entries = redis.call('XREVRANGE', KEYS[3], ARGV[7], '-', 'COUNT', limit)
end
local out = {}
for i = 1, #entries do
  local e = entries[i]
  local s = seqOf(e[1])
  local deleted = (s and redis.call('ZSCORE', KEYS[4], s)) and 1 or 0
  out[i] = {e[1], e[2], deleted}
end
return {epoch, lastSeq, oldest, recovered, out}
