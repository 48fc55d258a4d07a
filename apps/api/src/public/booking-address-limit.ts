import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ConsultationError, ConsultationErrorCode } from '@app/consultations';
import type { LocalCounters } from '../redis/local-counters';
import { RateLimitStore } from '../redis/rate-limit-store';

const HOUR_MS = 3_600_000;

// Takes one booking from the address's hourly allowance, atomically: the window starts with the first booking
// and lasts an hour; past the limit the count is put back and the time left is returned.
const TAKE = `
local taken = redis.call('INCR', KEYS[1])
if taken == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if taken > tonumber(ARGV[2]) then
  redis.call('DECR', KEYS[1])
  return {0, redis.call('PTTL', KEYS[1])}
end
return {1, redis.call('PTTL', KEYS[1])}
`;

const GIVE_BACK = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0
`;

/** TAKE on the in-process counters, while Redis is down. */
function takeLocally(c: LocalCounters, key: string, limit: number): [number, number] {
  const taken = c.incr(key, HOUR_MS);
  if (taken > limit) {
    c.decr(key);
    return [0, c.pttl(key)];
  }
  return [1, c.pttl(key)];
}

function giveBackLocally(c: LocalCounters, key: string): void {
  if ((c.get(key) ?? 0) > 0) {
    c.decr(key);
  }
}

/**
 * At most BOOKING_LIMIT_PER_ADDRESS_PER_HOUR public bookings per client address, counted in Redis so every API
 * process shares the count (in process while Redis is down, see RateLimitStore). Only bookings that happen count:
 * a refused one gives its turn back.
 */
@Injectable()
export class BookingAddressLimit {
  constructor(
    private readonly store: RateLimitStore,
    private readonly config: AppConfig,
  ) {}

  /** Takes a turn for the address or throws CONSULTATION_BOOKING_LIMIT_PER_ADDRESS (429, with the wait). */
  async take(address: string): Promise<{ giveBack: () => Promise<void> }> {
    const key = `booking-limit:address:${address}`;
    const limit = this.config.booking.limitPerAddressPerHour;
    const [ok, ttlMs] = await this.store.count(
      async (redis) => (await redis.eval(TAKE, 1, key, HOUR_MS, limit)) as [number, number],
      (local) => takeLocally(local, key, limit),
    );
    if (ok !== 1) {
      const minutes = Math.max(1, Math.ceil(ttlMs / 60_000));
      throw Object.assign(
        new ConsultationError(
          ConsultationErrorCode.BookingLimitPerAddress,
          `Too many bookings from your network in the last hour (at most ${limit}). ` +
            `Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or contact the office to book.`,
        ),
        { retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) },
      );
    }
    return {
      giveBack: async () => {
        await this.store.count(
          async (redis) => {
            await redis.eval(GIVE_BACK, 1, key);
          },
          (local) => giveBackLocally(local, key),
        );
      },
    };
  }
}
