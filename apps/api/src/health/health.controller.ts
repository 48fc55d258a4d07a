import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@app/auth';
import { HealthCheckFailedException } from '../http/health-check-failed';
import { DatabaseHealthIndicator } from './database.health';
import { RateLimitsHealthIndicator } from '../redis/rate-limits.health';
import { RedisHealthIndicator } from './redis.health';
import { ApiErrors, ApiPublicRoute } from '../openapi/api-docs.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly rateLimits: RateLimitsHealthIndicator,
  ) {}

  /**
   * 200 when PostgreSQL answers; 503 with Retry-After naming the check that failed (`error`), in the one error
   * shape (`code` DATABASE_UNAVAILABLE) plus terminus' status and details. Redis unreachable leaves it 200 with
   * status `degraded`: `redis` and `rateLimits` (limits counted per process) say so, since the API still serves
   * every request without it.
   */
  @Get()
  @Public()
  @ApiPublicRoute()
  @HealthCheck()
  @ApiErrors([503, 'A dependency is down; `error` names it'])
  @ApiOperation({ summary: 'Check the API and its dependencies' })
  async check() {
    try {
      return await this.health.check([
        () => this.db.check('database'),
        () => this.redis.check('redis'),
        () => this.rateLimits.check('rateLimits'),
      ]);
    } catch (error) {
      throw HealthCheckFailedException.from(error);
    }
  }
}
