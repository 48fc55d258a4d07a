import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { RateLimitStore } from './rate-limit-store';

/**
 * `rateLimits` in /api/health: `up` while the limits are counted in Redis across API processes, `degraded` (which
 * alone keeps the answer 200) while each process counts on its own because Redis is unavailable.
 */
@Injectable()
export class RateLimitsHealthIndicator {
  constructor(private readonly store: RateLimitStore) {}

  check(key = 'rateLimits'): HealthIndicatorResult {
    const degraded = this.store.degraded;
    return degraded
      ? {
          [key]: {
            status: 'degraded',
            counted: 'per process',
            since: degraded.since.toISOString(),
            message: degraded.reason,
          },
        }
      : { [key]: { status: 'up', counted: 'in Redis' } };
  }
}
