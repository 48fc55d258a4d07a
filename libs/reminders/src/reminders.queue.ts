/** The bull queue that carries reminder emails. Redis holds only jobs; PostgreSQL holds every reminder. */
export const REMINDERS_QUEUE = 'reminders';

/**
 * Every job name on the reminders queue. The worker refuses to start when one of them has no handler.
 */
export enum ReminderJob {
  /** Sends one reminder row; jobId = the row's id. */
  Send = 'send-reminder',
  /**
   * A sweep asked for through the queue. The worker runs the sweep from a timer of its own (every
   * REMINDER_SWEEP_MS, and at start), so that emptying Redis cannot stop it: it re-enqueues `scheduled` rows whose
   * job is missing, recovers rows stuck in `sending`, and plans the consultants' next daily digests.
   */
  Sweep = 'sweep-reminders',
}

export const REMINDER_JOBS: readonly ReminderJob[] = Object.values(ReminderJob);

export interface SendReminderPayload {
  reminderId: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SweepRemindersPayload {}
