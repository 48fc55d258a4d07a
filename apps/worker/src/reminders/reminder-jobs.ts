import type { Job } from 'bull';
import { ReminderJob, REMINDER_JOBS } from '@app/reminders';

export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * The worker refuses to start when a job name on the queue has no handler: a job nobody processes would sit in
 * Redis while its reminder never goes out. Throws listing the missing names.
 */
export function assertEveryJobHandled(
  handlers: Partial<Record<string, JobHandler>>,
  names: readonly string[] = REMINDER_JOBS,
): void {
  const missing = names.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `The worker has no handler for job(s) ${missing.join(', ')} on the reminders queue; refusing to start`,
    );
  }
  const unknown = Object.keys(handlers).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(`The worker has handlers for unknown job(s) ${unknown.join(', ')}`);
  }
}

export { ReminderJob };
