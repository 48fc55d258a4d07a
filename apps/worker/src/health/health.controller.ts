import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@app/auth';
import { QueueHealthIndicator } from './queue-health.indicator';

/**
 * The worker's only HTTP route: GET /health on WORKER_PORT, for process supervisors and load balancers. 200 when
 * PostgreSQL and Redis answer, no scheduled reminder and no pending email has lost its job and the sweep
 * runs; otherwise 503 naming the failed check (`database`, `redis`, `reminders`, `emails`) with its reason.
 * Answers within about a second in every case.
 */
@Controller('health')
export class WorkerHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 800 }),
      () => this.queue.check('redis'),
      () => this.queue.checkReminders('reminders'),
      () => this.queue.checkEmails('emails'),
    ]);
  }
}
