import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { LocalCounters } from './local-counters';
import type { RateLimitStore } from './rate-limit-store';

// Fixed window: count hits under one key that expires after the ttl; past the limit, a block key holds
// the caller off for blockDuration. One round trip, atomic in Redis.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}
`;

/** INCREMENT on the in-process counters, while Redis is down. */
function incrementLocally(
  c: LocalCounters,
  key: string,
  blockedKey: string,
  ttl: number,
  limit: number,
  blockMs: number,
): [number, number, number] {
  const hits = c.incr(key, ttl);
  const ttlMs = c.pttl(key);
  let blocked = c.pttl(blockedKey);
  if (blocked <= 0 && hits > limit) {
    c.set(blockedKey, 1, blockMs);
    blocked = blockMs;
  }
  return [hits, ttlMs, blocked];
}

/**
 * Rate-limit counters in Redis, so every API replica counts the same attempts; in process (same limits, per
 * replica) while Redis is down (RateLimitStore).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: RateLimitStore) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `throttle:${throttlerName}:${key}`;
    const blockMs = blockDuration || ttl;
    const [hits, ttlMs, blockedMs] = await this.store.count(
      async (redis) =>
        (await redis.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, blockMs)) as [
          number,
          number,
          number,
        ],
      (local) => incrementLocally(local, base, `${base}:blocked`, ttl, limit, blockMs),
    );
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
    };
  }
}
