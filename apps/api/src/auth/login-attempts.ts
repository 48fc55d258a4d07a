import { Injectable } from '@nestjs/common';
import { accountLockoutMs, type LoginBackoffPolicy } from '@app/auth';
import { AppConfig } from '@app/config';
import type { LocalCounters } from '../redis/local-counters';
import { RateLimitStore } from '../redis/rate-limit-store';

/** Why a sign-in attempt is held off, and for how long. */
export interface LoginHold {
  reason: 'pair' | 'address' | 'account';
  retryAfterMs: number;
}

const PAIR_WINDOW_MS = 60_000;
const ADDRESS_WINDOW_MS = 15 * 60_000;
/** Failures of an account are forgotten a day after the last one. */
const ACCOUNT_MEMORY_MS = 24 * 3600_000;
/** Addresses an account signed in from are remembered this long. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;

// One round trip, atomic: counts this attempt for (address, email), then reports the first limit that holds it.
// KEYS: pair counter, address failures, account lock, account's known addresses. ARGV: pair limit, pair window,
// address limit, address.
const HOLD = `
local pair = redis.call('INCR', KEYS[1])
if pair == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if pair > tonumber(ARGV[1]) then return {'pair', redis.call('PTTL', KEYS[1])} end
local failures = tonumber(redis.call('GET', KEYS[2]) or '0')
if failures >= tonumber(ARGV[3]) then return {'address', redis.call('PTTL', KEYS[2])} end
local locked = redis.call('PTTL', KEYS[3])
if locked > 0 and redis.call('SISMEMBER', KEYS[4], ARGV[4]) == 0 then return {'account', locked} end
return {'', 0}
`;

// KEYS: address failures, account failures. ARGV: address window, account memory. Returns the account's failures.
const FAILED = `
local a = redis.call('INCR', KEYS[1])
if a == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local f = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return f
`;

type Keys = ReturnType<typeof keys>;

/** HOLD on the in-process counters, while Redis is down. */
function holdLocally(
  c: LocalCounters,
  k: Keys,
  pairLimit: number,
  addressLimit: number,
  address: string,
): [string, number] {
  const pair = c.incr(k.pair, PAIR_WINDOW_MS);
  if (pair > pairLimit) {
    return ['pair', c.pttl(k.pair)];
  }
  if ((c.get(k.address) ?? 0) >= addressLimit) {
    return ['address', c.pttl(k.address)];
  }
  const locked = c.pttl(k.lock);
  if (locked > 0 && !c.sismember(k.known, address)) {
    return ['account', locked];
  }
  return ['', 0];
}

/** FAILED on the in-process counters: the account's failures. */
function failedLocally(c: LocalCounters, k: Keys): number {
  c.incr(k.address, ADDRESS_WINDOW_MS);
  const failures = c.incr(k.failures);
  c.pexpire(k.failures, ACCOUNT_MEMORY_MS);
  return failures;
}

/**
 * Sign-in throttling in Redis, so every API process counts the same attempts (in process, with the same limits,
 * while Redis is down: see RateLimitStore). Three limits:
 * - per address and email: LOGIN_RATE_LIMIT attempts a minute (one person mistyping, or guessing one account);
 * - per address, across emails: LOGIN_ADDRESS_RATE_LIMIT failures per 15 minutes (password spraying);
 * - per account, across addresses: after LOGIN_LOCKOUT_THRESHOLD failures in a row the account is held with
 *   exponential back-off (LOGIN_LOCKOUT_BASE_SECONDS doubling, capped at LOGIN_LOCKOUT_MAX_SECONDS). A success
 *   resets it, and an address the account signed in from in the last 30 days is not held by it, so a stranger
 *   failing on purpose cannot keep the real user out.
 */
@Injectable()
export class LoginAttempts {
  private readonly backoff: LoginBackoffPolicy;

  constructor(
    private readonly store: RateLimitStore,
    private readonly config: AppConfig,
  ) {
    this.backoff = config.loginThrottle.lockout;
  }

  /** Counts an attempt; returns why it must wait, or null when it may go ahead. */
  async hold(address: string, email: string): Promise<LoginHold | null> {
    const k = keys(address, email);
    const limits = this.config.loginThrottle;
    const [reason, ttl] = await this.store.count(
      async (redis) =>
        (await redis.eval(
          HOLD,
          4,
          k.pair,
          k.address,
          k.lock,
          k.known,
          limits.perAddressAndEmail,
          PAIR_WINDOW_MS,
          limits.perAddress,
          address,
        )) as [string, number],
      (local) => holdLocally(local, k, limits.perAddressAndEmail, limits.perAddress, address),
    );
    return reason === ''
      ? null
      : { reason: reason as LoginHold['reason'], retryAfterMs: Math.max(1000, ttl) };
  }

  async failed(address: string, email: string): Promise<void> {
    const k = keys(address, email);
    const failures = await this.store.count(
      async (redis) =>
        (await redis.eval(FAILED, 2, k.address, k.failures, ADDRESS_WINDOW_MS, ACCOUNT_MEMORY_MS)) as number,
      (local) => failedLocally(local, k),
    );
    const lockMs = accountLockoutMs(failures, this.backoff);
    if (lockMs > 0) {
      await this.store.count(
        async (redis) => {
          await redis.set(k.lock, '1', 'PX', lockMs);
        },
        (local) => local.set(k.lock, 1, lockMs),
      );
    }
  }

  async succeeded(address: string, email: string): Promise<void> {
    const k = keys(address, email);
    await this.store.count(
      async (redis) => {
        await redis
          .multi()
          .del(k.failures, k.lock, k.pair)
          .sadd(k.known, address)
          .pexpire(k.known, KNOWN_ADDRESS_MS)
          .exec();
      },
      (local) => {
        local.del(k.failures, k.lock, k.pair);
        local.sadd(k.known, address);
        local.pexpire(k.known, KNOWN_ADDRESS_MS);
      },
    );
  }
}

function keys(address: string, email: string) {
  const account = email.slice(0, 254);
  return {
    pair: `login:pair:${address}|${account}`,
    address: `login:address:${address}`,
    failures: `login:account:${account}:failures`,
    lock: `login:account:${account}:lock`,
    known: `login:account:${account}:known`,
  };
}
