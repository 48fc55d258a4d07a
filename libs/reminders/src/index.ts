/**
 * Reminders: planned emails about a subject (a deadline, a consultation, a consultant's day), one row per
 * (subject, offset, recipient) in PostgreSQL and one delayed bull job per scheduled row (jobId = row id).
 *
 * For another feature (e.g. consultations) to send its own reminders:
 *   1. import RemindersModule;
 *   2. in onModuleInit: `subjects.register('consultation', { render: (manager, reminder) => ... })` — render
 *      re-reads the subject and returns the email ({to, subject, text, html, language, icalEvent?}) or null
 *      when it no longer applies (the row then ends `cancelled`, nothing is sent);
 *   3. in the transaction that changes the subject: `planner.planForSubject(manager, {type, id},
 *      [{sendAt, offsetKey, recipient}])`, or `planner.cancelForSubject(manager, {type, id})`.
 *      Jobs follow after the commit; the worker claims, renders, sends through MailService and marks the row.
 */
export * from './reminders.queue';
export { ReminderEntity, ReminderStatus } from './entities/reminder.entity';
export { ReminderSubjects, type ReminderSubjectHandler, type RenderedReminder } from './reminder-subjects';
export {
  ReminderPlanner,
  type PlannedReminder,
  type PlanOutcome,
  type ReminderSubjectRef,
  type SubjectPlan,
} from './reminder-planner';
export { ReminderQueue, type ReminderJobRef } from './reminder-queue';
export { AfterCommitJobs } from './after-commit-jobs';
export { ReminderError, ReminderErrorCode } from './reminders.errors';
export {
  RemindersService,
  type DescribedReminder,
  type ListRemindersQuery,
  type ReminderScope,
} from './reminders.service';
export { ReminderSender, type SendOutcome } from './sending/reminder-sender.service';
export { ReminderEmailOutcomes, REMINDER_EMAIL_RELATION } from './sending/reminder-email-outcomes';
export { ReminderSweep, type LostJobs, type SweepOutcome } from './sending/reminder-sweep.service';
export { ReminderPolicyService, type PolicyUpdateResult } from './settings/reminder-policy.service';
export { ReminderSettingsEntity } from './settings/reminder-settings.entity';
export type { StoredReminderPolicy } from './settings/reminder-settings.repository';
export {
  DEFAULT_REMINDER_POLICY,
  DEADLINE_KINDS,
  MAX_OFFSET_DAYS,
  type ReminderPolicy,
} from './rules/reminder-policy';
export { DeadlineReminders, DEADLINE_SUBJECT } from './deadlines/deadline-reminders.service';
export { DeadlineDigests, DIGEST_SUBJECT } from './digests/deadline-digests.service';
export { sendInstant } from './rules/send-time';
export { RemindersQueueModule, queueModules, redisRetryDelay } from './reminders-queue.module';
export { RemindersModule } from './reminders.module';
