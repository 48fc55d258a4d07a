import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { AppConfig } from '@app/config';
import { jobsLocked, jobsMissing } from '@app/shared';

/** The bull queue that carries outbox deliveries. A job holds only the email's id; PostgreSQL holds the email. */
export const EMAILS_QUEUE = 'emails';

/** Every job name on the emails queue. */
export enum EmailJob {
  /** Delivers one outbox row; jobId = the row's id. */
  Deliver = 'deliver-email',
}

export const EMAIL_JOBS: readonly EmailJob[] = Object.values(EmailJob);

export interface DeliverEmailPayload {
  emailId: string;
}

/**
 * The producer side of the emails queue: jobId = the outbox row's id, attempts and back-off defined once here.
 * Finished jobs are removed, so a row's id never blocks adding its job again (bull ignores an add whose jobId
 * exists); the row keeps the history.
 */
@Injectable()
export class EmailQueue {
  private readonly logger = new Logger('EmailQueue');

  constructor(
    @InjectQueue(EMAILS_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  jobOptions(id: string, delayMs = 0): JobOptions {
    return {
      jobId: id,
      delay: Math.max(0, delayMs),
      attempts: this.config.emails.attempts,
      backoff: { type: 'exponential', delay: this.config.emails.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  /**
   * Whether the queue's Redis connection is up. While it is not, callers skip Redis at once instead of waiting on
   * a command that cannot be sent: the rows are `pending` in PostgreSQL, and the sweep adds their jobs once Redis
   * is back.
   */
  isConnected(): boolean {
    return this.queue.client.status === 'ready';
  }

  /**
   * Whether the connection is up, waiting up to `timeoutMs` for one still being made (bull connects on first use,
   * so a worker's first sweep can come before it).
   */
  async connected(timeoutMs = 1000): Promise<boolean> {
    if (this.isConnected()) {
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const ready = this.queue.isReady().then(
      () => this.isConnected(),
      () => false,
    );
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([ready, late]);
    clearTimeout(timer);
    return result;
  }

  /** Adds a job per row (ignored by bull for a row whose job exists). */
  async schedule(refs: { id: string; delayMs?: number }[]): Promise<void> {
    if (refs.length === 0) {
      return;
    }
    await this.queue.addBulk(
      refs.map((ref) => ({
        name: EmailJob.Deliver,
        data: { emailId: ref.id } satisfies DeliverEmailPayload,
        opts: this.jobOptions(ref.id, ref.delayMs),
      })),
    );
  }

  /** The ids among these that have no job in Redis. */
  async missing(ids: string[]): Promise<string[]> {
    return jobsMissing(this.queue, ids);
  }

  /** The ids among these whose job a live worker holds (its lock is renewed while it runs). */
  async locked(ids: string[]): Promise<Set<string>> {
    return jobsLocked(this.queue, ids);
  }

  /** Removes a row's job if it is waiting or delayed (a job being processed cannot be removed). */
  async remove(id: string): Promise<void> {
    try {
      await (await this.queue.getJob(id))?.remove();
    } catch (error) {
      this.logger.debug(
        `Email job ${id} not removed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
