import Bull, { type JobOptions, type Queue } from 'bull';
import type Redis from 'ioredis';
import { AppConfig } from '@app/config';
import type { BenchContext } from '../support/context';

/** The product's queue and job names (libs/reminders/src/reminders.queue.ts). */
export const REMINDERS_QUEUE = 'reminders';
export const SEND_JOB = 'send-reminder';
export const SWEEP_JOB = 'sweep-reminders';

/** The raw baselines' jobs live under their own prefix: the product's worker never sees them. */
export function rawPrefix(ctx: BenchContext): string {
  return `${ctx.queuePrefix}-raw`;
}

/** The reminder settings a PermitDesk process started with ctx.appEnv() runs with (attempts, backoff, concurrency). */
export function productConfig(ctx: BenchContext): AppConfig {
  return AppConfig.fromVariables(ctx.appEnv());
}

/** The options ReminderQueue.jobOptions gives every send job (libs/reminders/src/reminder-queue.ts). */
export function sendJobOptions(config: AppConfig, jobId: string, sendAt: Date, now = Date.now()): JobOptions {
  return {
    jobId,
    delay: Math.max(0, sendAt.getTime() - now),
    attempts: config.reminders.attempts,
    backoff: { type: 'exponential', delay: config.reminders.backoffMs },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/** A `send-reminder` job for addBulk: jobId `id`, due at `sendAt`, with the product's options. */
export function sendJob<T>(config: AppConfig, id: string, sendAt: Date, data: T, now = Date.now()) {
  return { name: SEND_JOB, data, opts: sendJobOptions(config, id, sendAt, now) };
}

/** The reminders queue under `prefix`, with the product's lock settings (queueModules in libs/reminders). */
export function openQueue(redisUrl: string, prefix: string, lockMs: number): Queue {
  return new Bull(REMINDERS_QUEUE, redisUrl, {
    prefix,
    settings: { lockDuration: lockMs, lockRenewTime: Math.floor(lockMs / 2) },
  });
}

/** Jobs in Redis for the queue, whatever their state. */
export async function jobCount(queue: Queue): Promise<number> {
  const c = (await queue.getJobCounts()) as Awaited<ReturnType<Queue['getJobCounts']>> & { paused?: number };
  return c.waiting + c.active + c.delayed + c.completed + c.failed + (c.paused ?? 0);
}

/** Deletes every key of the queue `name` under `prefix` (faster than obliterate on hundreds of thousands of jobs). */
export async function deleteQueueKeys(redis: Redis, prefix: string, name = REMINDERS_QUEUE): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:${name}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) {
      deleted += await redis.unlink(...keys);
    }
  } while (cursor !== '0');
  return deleted;
}
