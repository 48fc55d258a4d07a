import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { AppConfig } from '@app/config';
import { Clock, jobsLocked, jobsMissing } from '@app/shared';
import { ReminderJob, REMINDERS_QUEUE, type SendReminderPayload } from './reminders.queue';

/** A reminder row to have a job for: its id (the jobId) and when it is due. */
export interface ReminderJobRef {
  id: string;
  sendAt: Date;
}

/** Jobs removed at once (a lookup and a delete each, in parallel). */
const REMOVE_CHUNK = 200;
/**
 * Jobs per addBulk (one MULTI): a re-plan batch's jobs go in one round trip; the bound only keeps a very large
 * call from building one huge transaction.
 */
const ADD_CHUNK = 10_000;

/**
 * The producer side of the reminders queue: every `send-reminder` job is added, moved or removed here, with
 * jobId = the reminder row's id and the one definition of attempts and backoff (jobOptions).
 */
@Injectable()
export class ReminderQueue {
  private readonly logger = new Logger('ReminderQueue');

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The only place attempts and backoff are set. Finished jobs are removed, so a jobId never blocks adding the
   * row's job again (a completed job's id would make bull ignore the add); the row keeps the history.
   */
  jobOptions(ref: ReminderJobRef): JobOptions {
    return {
      jobId: ref.id,
      delay: Math.max(0, ref.sendAt.getTime() - this.clock.now().getTime()),
      attempts: this.config.reminders.attempts,
      backoff: { type: 'exponential', delay: this.config.reminders.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  /**
   * Adds a job per row. bull ignores an add whose jobId exists, so `replace` first removes an existing job (a
   * moved or re-armed row); a job being processed right now cannot be removed: it finds the row changed and
   * does nothing, and the sweep adds the job again.
   */
  async schedule(refs: ReminderJobRef[], options: { replace?: boolean } = {}): Promise<void> {
    for (let i = 0; i < refs.length; i += ADD_CHUNK) {
      const chunk = refs.slice(i, i + ADD_CHUNK);
      if (options.replace) {
        await this.unschedule(chunk.map((r) => r.id));
      }
      await this.queue.addBulk(
        chunk.map((ref) => ({
          name: ReminderJob.Send,
          data: { reminderId: ref.id } satisfies SendReminderPayload,
          opts: this.jobOptions(ref),
        })),
      );
    }
  }

  async unschedule(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += REMOVE_CHUNK) {
      await this.removeJobs(ids.slice(i, i + REMOVE_CHUNK));
    }
  }

  /**
   * Whether the queue's Redis connection is up. While it is not, callers skip Redis at once instead of waiting on
   * a command that cannot be sent: PostgreSQL keeps every row, and the sweep adds the missing jobs once Redis is
   * back.
   */
  isConnected(): boolean {
    return this.queue.client.status === 'ready';
  }

  /** The ids among these that have no job in Redis (one pipeline of EXISTS per call). */
  async missing(ids: string[]): Promise<string[]> {
    return jobsMissing(this.queue, ids);
  }

  /** True while a worker holds the job's lock (it is processing it and alive). */
  async isLocked(ids: string[]): Promise<Set<string>> {
    return jobsLocked(this.queue, ids);
  }

  private async removeJobs(ids: string[]): Promise<void> {
    await Promise.all(
      ids.map(async (id) => {
        try {
          await (await this.queue.getJob(id))?.remove();
        } catch (error) {
          // Locked: a worker is processing it; it will find the row changed. The sweep restores a missing job.
          this.logger.debug(
            `Job ${id} not removed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }),
    );
  }
}
