import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bull';
import { EMAILS_QUEUE, OutboxSweep } from '@app/notifications';
import { REMINDERS_QUEUE, ReminderSweep } from '@app/reminders';
import { ReminderSweepTimer } from '../reminders/sweep-timer';

/** /health answers within a second whatever Redis does: no check waits longer than this. */
const CHECK_TIMEOUT_MS = 800;
/** The sweep is late when it has not finished for this many periods. */
const LATE_SWEEPS = 3;

function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The queue as the worker sees it:
 * - `redis`: its connection answers (down at once while it is not connected, never waiting on a reconnect);
 * - `reminders`: no scheduled reminder has lost its job (Redis emptied or restarted without persistence, until the
 *   next sweep restores them), and the sweep keeps running;
 * - `emails`: no `pending` outbox email has lost its delivery job (Redis emptied, or down when the email was
 *   written, until the next sweep restores them).
 */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly health: HealthIndicatorService,
    private readonly sweep: ReminderSweep,
    private readonly sweeps: ReminderSweepTimer,
    @InjectQueue(EMAILS_QUEUE) private readonly emailsQueue: Queue,
    private readonly outbox: OutboxSweep,
  ) {}

  async check(key = 'redis') {
    const indicator = this.health.check(key);
    const status = this.queue.client.status;
    if (status !== 'ready') {
      return indicator.down({ message: `Redis is not connected (${status})` });
    }
    try {
      const [, counts] = await within(
        Promise.all([this.queue.client.ping(), this.queue.getJobCounts()]),
        'Redis',
      );
      return indicator.up({ queue: REMINDERS_QUEUE, ...counts });
    } catch (error) {
      return indicator.down({ message: messageOf(error) });
    }
  }

  async checkReminders(key = 'reminders') {
    const indicator = this.health.check(key);
    const state = this.sweeps.state;
    const every = this.sweeps.everyMs;
    const sweep = {
      sweepEveryMs: every,
      lastSweepAt: state.lastSweepAt?.toISOString() ?? null,
      ...(state.lastError ? { lastSweepError: state.lastError } : {}),
    };
    if (this.queue.client.status !== 'ready') {
      return indicator.down({ ...sweep, message: 'Reminder jobs cannot be checked: Redis is not connected' });
    }
    const since = state.lastSweepAt ?? state.startedAt;
    if (Date.now() - since.getTime() > LATE_SWEEPS * every + CHECK_TIMEOUT_MS * 10) {
      return indicator.down({
        ...sweep,
        message: `The reminder sweep has not finished since ${since.toISOString()}`,
      });
    }
    try {
      const found = await within(this.sweep.findLostJobs(), 'The lost-jobs check');
      const result = { ...sweep, lostJobs: found.lost, checked: found.checked };
      if (found.lost > 0) {
        return indicator.down({
          ...result,
          firstLostSendAt: found.firstLostSendAt?.toISOString() ?? null,
          message:
            `${found.lost} of the first ${found.checked} scheduled reminders have no job in Redis (Redis was emptied or ` +
            `restarted); the next sweep restores them (every ${every} ms)`,
        });
      }
      return indicator.up(result);
    } catch (error) {
      return indicator.down({ ...sweep, message: `Reminder jobs cannot be checked: ${messageOf(error)}` });
    }
  }

  async checkEmails(key = 'emails') {
    const indicator = this.health.check(key);
    const every = this.sweeps.everyMs;
    if (this.emailsQueue.client.status !== 'ready') {
      return indicator.down({ message: 'Email jobs cannot be checked: Redis is not connected' });
    }
    try {
      const found = await within(this.outbox.findLostJobs(), 'The lost email jobs check');
      const result = { sweepEveryMs: every, lostJobs: found.lost, checked: found.checked };
      if (found.lost > 0) {
        return indicator.down({
          ...result,
          firstLostCreatedAt: found.firstLostCreatedAt?.toISOString() ?? null,
          message:
            `${found.lost} of the first ${found.checked} pending emails have no delivery job in Redis (Redis was emptied, ` +
            `or down when they were written); the next sweep restores them (every ${every} ms)`,
        });
      }
      return indicator.up(result);
    } catch (error) {
      return indicator.down({ message: `Email jobs cannot be checked: ${messageOf(error)}` });
    }
  }
}
