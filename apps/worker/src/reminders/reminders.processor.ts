import { InjectQueue } from '@nestjs/bull';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AppConfig } from '@app/config';
import {
  ReminderJob,
  ReminderSender,
  REMINDERS_QUEUE,
  ReminderSubjects,
  type SendReminderPayload,
  type SendOutcome,
  type SweepOutcome,
} from '@app/reminders';
import { assertEveryJobHandled, type JobHandler } from './reminder-jobs';
import { ReminderSweepTimer } from './sweep-timer';
import { closeProcessingQueue } from '../close-queue';

/**
 * The reminders queue's processors: a few lines each, the services do the work. Handlers are registered here
 * (not with @Process) so concurrency comes from REMINDER_CONCURRENCY and the list of job names is checked
 * before the worker takes any job.
 */
@Injectable()
export class RemindersProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RemindersProcessor');
  /** Set from the first queue error of an outage until the connection is ready again: one log line each way. */
  private redisLost = false;

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly sender: ReminderSender,
    private readonly sweeps: ReminderSweepTimer,
    private readonly subjects: ReminderSubjects,
    private readonly config: AppConfig,
  ) {}

  readonly handlers: Record<ReminderJob, JobHandler> = {
    [ReminderJob.Send]: (job) => this.send(job as Job<SendReminderPayload>),
    [ReminderJob.Sweep]: () => this.runSweep(),
  };

  send(job: Job<SendReminderPayload>): Promise<SendOutcome> {
    const attempts = job.opts.attempts ?? 1;
    return this.sender.send(job.data.reminderId, { isLastAttempt: job.attemptsMade + 1 >= attempts });
  }

  /**
   * A sweep asked for through the queue (a repeatable job left by an earlier version, or one added by hand): the
   * same guarded sweep the worker's timer runs.
   */
  runSweep(): Promise<SweepOutcome | null> {
    return this.sweeps.runNow();
  }

  onApplicationBootstrap(): void {
    assertEveryJobHandled(this.handlers);
    const concurrency: Record<ReminderJob, number> = {
      [ReminderJob.Send]: this.config.reminders.concurrency,
      [ReminderJob.Sweep]: 1,
    };
    for (const name of Object.values(ReminderJob)) {
      this.queue
        .process(name, concurrency[name], this.handlers[name])
        .catch((error: unknown) =>
          this.logger.error(
            `Processing ${name} stopped: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }
    this.queue.on('error', (error) => {
      if (!this.redisLost) {
        this.redisLost = true;
        this.logger.error(
          `Queue error (Redis reconnection is retried every 2 s; the sweep restores lost jobs): ${error.message}`,
        );
      }
    });
    this.queue.client.on('ready', () => {
      if (this.redisLost) {
        this.redisLost = false;
        this.logger.log('Queue connection to Redis is back');
      }
    });
    void this.removeRepeatableSweeps();
    this.logger.log(
      `Processing ${Object.values(ReminderJob).join(', ')} (concurrency ${this.config.reminders.concurrency}); ` +
        `reminder subjects: ${this.subjects.types().join(', ')}; sweep every ${this.config.reminders.sweepMs} ms`,
    );
  }

  /** SIGTERM: stop taking jobs and let the ones at hand finish before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await closeProcessingQueue(this.queue);
  }

  /**
   * Earlier versions kept the sweep as a repeatable job in Redis, which emptying Redis removed; the sweep now runs
   * from ReminderSweepTimer, so such a job is only tidied away (left alone if Redis is down at start).
   */
  private async removeRepeatableSweeps(): Promise<void> {
    try {
      for (const repeatable of await this.queue.getRepeatableJobs()) {
        if (repeatable.name === (ReminderJob.Sweep as string)) {
          await this.queue.removeRepeatableByKey(repeatable.key);
        }
      }
    } catch (error) {
      this.logger.debug(
        `Repeatable sweep jobs not checked: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
