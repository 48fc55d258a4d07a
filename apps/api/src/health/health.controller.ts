import { Controller, Get } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@app/auth';
import { ErrorResponse } from '../http/error.response';
import { HealthCheckFailedException } from '../http/health-check-failed';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /**
   * 200 when PostgreSQL and Redis answer; 503 with Retry-After naming the check that failed (`error`), in the
   * one error shape (`code` DATABASE_UNAVAILABLE or QUEUE_UNAVAILABLE) plus terminus' status and details.
   */
  @Get()
  @Public()
  @HealthCheck()
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'A dependency is down; `error` names it' })
  async check() {
    try {
      return await this.health.check([() => this.db.check('database'), () => this.redis.check('redis')]);
    } catch (error) {
      throw HealthCheckFailedException.from(error);
    }
  }
}
