import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisClient } from '../redis/redis.module';

/**
 * Redis as the API sees it. Unreachable, it is `degraded`, not `down`: the API keeps serving without it (rate limits
 * counted per process, reminder jobs added by the worker's sweep once Redis is back), so a load balancer must not
 * take it out of service; the worker's /health, which needs Redis, answers 503.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: RedisClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'redis') {
    const indicator = this.health.check(key);
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') {
        await this.redis.connect();
      }
      if (this.redis.status !== 'ready' && !(await this.redis.isAvailable())) {
        return indicator.degraded({ message: `Redis is not connected (${this.redis.status})` });
      }
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      // A public answer: the error code only, never the driver's message (it names the host and port).
      const code = (error as { code?: unknown } | null)?.code;
      return indicator.degraded({
        message: 'Redis does not answer',
        reason: typeof code === 'string' ? code : 'error',
      });
    }
  }
}
