import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@app/auth';
import { RateLimitsHealthIndicator } from '../redis/rate-limits.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly rateLimits: RateLimitsHealthIndicator,
  ) {}

  /**
   * 200 when PostgreSQL answers, 503 when it does not. Redis unreachable leaves it 200 with status `degraded`:
   * `redis` and `rateLimits` (limits counted per process) say so.
   */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 }), () => this.redis.check('redis'), () => this.rateLimits.check('rateLimits')]);
  }
}
