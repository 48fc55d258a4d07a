import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AppConfig } from '@app/config';
import { BookingService } from '@app/consultations';
import { OutboxSweep } from '@app/notifications';
import {
  ReminderJob,
  ReminderSender,
  REMINDERS_QUEUE,
  ReminderSubjects,
  ReminderSweep,
  type SendReminderPayload,
  type SendOutcome,
  type SweepOutcome,
} from '@app/reminders';
import { assertEveryJobHandled, type JobHandler } from './reminder-jobs';

/** Sweeps scheduled at start use this id prefix; the repeatable one is keyed by bull from its `every`. */
const STARTUP_SWEEP = 'sweep-at-start';

/**
 * The reminders queue's processors: a few lines each, the services do the work. Handlers are registered here
 * (not with @Process) so concurrency comes from REMINDER_CONCURRENCY and the list of job names is checked
 * before the worker takes any job.
 */
@Injectable()
export class RemindersProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RemindersProcessor');

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly sender: ReminderSender,
    private readonly sweep: ReminderSweep,
    private readonly subjects: ReminderSubjects,
    private readonly config: AppConfig,
    private readonly bookings: BookingService,
    private readonly outboxSweep: OutboxSweep,
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
   * The periodic sweep: re-enqueues lost reminders, and releases the time of public bookings whose email
   * confirmation did not come in time (bookings already ignore lapsed holds; this tidies them to `cancelled`).
   */
  async runSweep(): Promise<SweepOutcome> {
    const outcome = await this.sweep.run();
    try {
      // The outbox's safety net rides on the same schedule: lost email jobs restored, unconfirmed sends taken back.
      await this.outboxSweep.run();
    } catch (error) {
      this.logger.error(`Outbox sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const released = await this.bookings.releaseLapsedHolds();
      if (released.length > 0) {
        this.logger.log(`Released ${released.length} unconfirmed booking(s) whose hold lapsed`);
      }
    } catch (error) {
      this.logger.error(`Releasing lapsed booking holds failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return outcome;
  }

  async onApplicationBootstrap(): Promise<void> {
    assertEveryJobHandled(this.handlers);
    const concurrency: Record<ReminderJob, number> = {
      [ReminderJob.Send]: this.config.reminders.concurrency,
      [ReminderJob.Sweep]: 1,
    };
    for (const name of Object.values(ReminderJob)) {
      this.queue
        .process(name, concurrency[name], this.handlers[name])
        .catch((error: unknown) => this.logger.error(`Processing ${name} stopped: ${error instanceof Error ? error.message : String(error)}`));
    }
    this.queue.on('error', (error) => this.logger.error(`Queue error: ${error.message}`));
    await this.scheduleSweeps();
    this.logger.log(
      `Processing ${Object.values(ReminderJob).join(', ')} (concurrency ${this.config.reminders.concurrency}); ` +
        `reminder subjects: ${this.subjects.types().join(', ')}`,
    );
  }

  /** SIGTERM: stop taking jobs and let the ones at hand finish before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  /** The repeatable sweep (one per queue, whatever the number of workers) and one sweep now. */
  private async scheduleSweeps(): Promise<void> {
    const every = this.config.reminders.sweepMs;
    for (const repeatable of await this.queue.getRepeatableJobs()) {
      if (repeatable.name === ReminderJob.Sweep && Number(repeatable.every) !== every) {
        await this.queue.removeRepeatableByKey(repeatable.key);
      }
    }
    await this.queue.add(ReminderJob.Sweep, {}, { repeat: { every }, removeOnComplete: true, removeOnFail: true });
    await this.queue.add(
      ReminderJob.Sweep,
      {},
      { jobId: `${STARTUP_SWEEP}-${Date.now()}`, removeOnComplete: true, removeOnFail: true },
    );
  }
}
