import { Injectable, Logger } from '@nestjs/common';
import { LocalCounters } from './local-counters';
import { RedisClient } from './redis-client';

/**
 * Where the rate limiters count: in Redis, shared by every API process; while Redis is down or failing, in this
 * process (LocalCounters), with the same limits counted per process, so bookings and sign-ins keep working and
 * stay limited. Each limiter gives both versions of its step: a Lua script for Redis and the same steps on
 * LocalCounters. The switch is logged once each way per outage; /api/health shows it (`rateLimits`).
 * Counts made in process during an outage are not carried into Redis when it is back.
 */
@Injectable()
export class RateLimitStore {
  private readonly logger = new Logger('RateLimits');
  readonly local = new LocalCounters();
  private degradedSince: Date | null = null;
  private reason: string | null = null;

  constructor(readonly redis: RedisClient) {
    redis.on('ready', () => this.recovered());
  }

  /** Null while counting in Redis; otherwise since when and why the count is per process. */
  get degraded(): { since: Date; reason: string } | null {
    if (this.degradedSince === null && this.redis.status !== 'ready' && this.redis.status !== 'wait') {
      // Redis went away and no limiter has asked since: say so already.
      this.degrade(`Redis is not connected (${this.redis.status})`);
    }
    return this.degradedSince
      ? { since: this.degradedSince, reason: this.reason ?? 'Redis is unavailable' }
      : null;
  }

  async count<T>(
    inRedis: (redis: RedisClient) => Promise<T>,
    inProcess: (counters: LocalCounters) => T,
  ): Promise<T> {
    if (!(await this.redis.isAvailable())) {
      this.degrade(`Redis is not connected (${this.redis.status})`);
      return inProcess(this.local);
    }
    try {
      const result = await inRedis(this.redis);
      this.recovered();
      return result;
    } catch (error) {
      this.degrade(`Redis command failed: ${error instanceof Error ? error.message : String(error)}`);
      return inProcess(this.local);
    }
  }

  private degrade(reason: string): void {
    if (this.degradedSince !== null) {
      return;
    }
    this.degradedSince = new Date();
    this.reason = reason;
    this.logger.warn(
      `Rate limits counted in this process until Redis is back (same limits, per API process): ${reason}`,
    );
  }

  private recovered(): void {
    if (this.degradedSince === null) {
      return;
    }
    const seconds = Math.round((Date.now() - this.degradedSince.getTime()) / 1000);
    this.degradedSince = null;
    this.reason = null;
    this.logger.log(`Rate limits are counted in Redis again, after ${seconds} s in process`);
  }
}
