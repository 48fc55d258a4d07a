import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import type { LocalCounters } from '../redis/local-counters';
import { RateLimitStore } from '../redis/rate-limit-store';

const HOUR_MS = 3_600_000;

// Counts a link request against the address's and the email's hourly allowances, atomically; past either limit
// nothing is counted and the limit's name and time left are returned. KEYS: address, email. ARGV: window, limits.
const TAKE = `
local a = tonumber(redis.call('GET', KEYS[1]) or '0')
if a >= tonumber(ARGV[2]) then return {'address', redis.call('PTTL', KEYS[1])} end
local e = tonumber(redis.call('GET', KEYS[2]) or '0')
if e >= tonumber(ARGV[3]) then return {'email', redis.call('PTTL', KEYS[2])} end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
return {'', 0}
`;

function takeLocally(
  c: LocalCounters,
  keys: { address: string; email: string },
  limits: { address: number; email: number },
): [string, number] {
  if ((c.get(keys.address) ?? 0) >= limits.address) {
    return ['address', c.pttl(keys.address)];
  }
  if ((c.get(keys.email) ?? 0) >= limits.email) {
    return ['email', c.pttl(keys.email)];
  }
  c.incr(keys.address, HOUR_MS);
  c.incr(keys.email, HOUR_MS);
  return ['', 0];
}

/** Why a link request is held off, and for how long. */
export interface PortalLinkHold {
  reason: 'address' | 'email';
  retryAfterMs: number;
}

/**
 * Portal sign-in link requests: at most PORTAL_LINK_LIMIT_PER_EMAIL an hour per email and
 * PORTAL_LINK_LIMIT_PER_ADDRESS per client address, counted in Redis across API processes (in process while Redis
 * is down, see RateLimitStore). Counted before the email is looked up, so known and unknown emails are held alike.
 */
@Injectable()
export class PortalLinkLimits {
  constructor(
    private readonly store: RateLimitStore,
    private readonly config: AppConfig,
  ) {}

  async take(address: string, email: string): Promise<PortalLinkHold | null> {
    const keys = {
      address: `portal-link:address:${address}`,
      email: `portal-link:email:${email.trim().toLowerCase().slice(0, 254)}`,
    };
    const limits = {
      address: this.config.portal.linkLimitPerAddress,
      email: this.config.portal.linkLimitPerEmail,
    };
    const [reason, ttl] = await this.store.count(
      async (redis) =>
        (await redis.eval(TAKE, 2, keys.address, keys.email, HOUR_MS, limits.address, limits.email)) as [
          string,
          number,
        ],
      (local) => takeLocally(local, keys, limits),
    );
    return reason === ''
      ? null
      : { reason: reason as PortalLinkHold['reason'], retryAfterMs: Math.max(1000, ttl) };
  }
}
