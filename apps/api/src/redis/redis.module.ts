import { Global, Module } from '@nestjs/common';
import { RateLimitStore } from './rate-limit-store';
import { RateLimitsHealthIndicator } from './rate-limits.health';
import { RedisClient } from './redis-client';

export { RedisClient } from './redis-client';

/** The API's Redis connection and the rate-limit counters on it (in process while Redis is down). */
@Global()
@Module({
  providers: [RedisClient, RateLimitStore, RateLimitsHealthIndicator],
  exports: [RedisClient, RateLimitStore, RateLimitsHealthIndicator],
})
export class RedisModule {}
