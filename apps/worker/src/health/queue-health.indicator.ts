import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bull';
import { REMINDERS_QUEUE } from '@app/reminders';

/** Redis as the worker sees it: through its own queue connection. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'redis') {
    const indicator = this.health.check(key);
    try {
      await this.queue.client.ping();
      const counts = await this.queue.getJobCounts();
      return indicator.up({ queue: REMINDERS_QUEUE, ...counts });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
