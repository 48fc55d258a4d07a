/** Keys kept at most; past it, expired keys go first, then the oldest. */
const MAX_KEYS = 100_000;
/** Expired keys are swept every this many writes. */
const PURGE_EVERY = 1000;

interface Entry {
  value: number | Set<string>;
  /** Epoch ms; Infinity without expiry. */
  expiresAt: number;
}

/**
 * The few Redis commands the rate limiters use (INCR, PEXPIRE, PTTL, GET, SET PX, DECR, DEL, SADD, SISMEMBER), in
 * process memory: what the limiters count on while Redis is down. Synchronous, so each limiter's steps are as
 * atomic here as its Lua script is in Redis. Bounded (MAX_KEYS); no timers.
 */
export class LocalCounters {
  private readonly entries = new Map<string, Entry>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.entries.size;
  }

  /** INCR: the new value; a new key gets `ttlMs` (as the scripts' `if hits == 1 then PEXPIRE`). */
  incr(key: string, ttlMs?: number): number {
    const entry = this.live(key);
    if (entry && typeof entry.value === 'number') {
      entry.value += 1;
      return entry.value;
    }
    this.write(key, { value: 1, expiresAt: ttlMs === undefined ? Infinity : this.now() + ttlMs });
    return 1;
  }

  decr(key: string): number {
    const entry = this.live(key);
    if (entry && typeof entry.value === 'number') {
      entry.value -= 1;
      return entry.value;
    }
    this.write(key, { value: -1, expiresAt: Infinity });
    return -1;
  }

  get(key: string): number | null {
    const value = this.live(key)?.value;
    return typeof value === 'number' ? value : null;
  }

  set(key: string, value: number, ttlMs: number): void {
    this.write(key, { value, expiresAt: this.now() + ttlMs });
  }

  pexpire(key: string, ttlMs: number): void {
    const entry = this.live(key);
    if (entry) {
      entry.expiresAt = this.now() + ttlMs;
    }
  }

  /** PTTL: ms left; -1 for a key without expiry, -2 for no key. */
  pttl(key: string): number {
    const entry = this.live(key);
    if (!entry) {
      return -2;
    }
    return entry.expiresAt === Infinity ? -1 : entry.expiresAt - this.now();
  }

  exists(key: string): boolean {
    return this.live(key) !== undefined;
  }

  del(...keys: string[]): void {
    for (const key of keys) {
      this.entries.delete(key);
    }
  }

  sadd(key: string, member: string): void {
    const entry = this.live(key);
    if (entry && entry.value instanceof Set) {
      entry.value.add(member);
      return;
    }
    this.write(key, { value: new Set([member]), expiresAt: Infinity });
  }

  sismember(key: string, member: string): boolean {
    const value = this.live(key)?.value;
    return value instanceof Set && value.has(member);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (++this.writes % PURGE_EVERY === 0 || this.entries.size > MAX_KEYS) {
      this.purge();
    }
  }

  private purge(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
      }
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_KEYS) {
        break;
      }
      this.entries.delete(key);
    }
  }
}
