import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { StaffRole, writingLanguageOf } from '@app/auth';
import { AppConfig } from '@app/config';
import { deadlineReminderEmail, overdueEscalationEmail } from '@app/notifications';
import { Clock } from '@app/shared';
import { DeadlineEvents, DeadlineSource, todayIn, type DeadlineChange } from '@app/work-permits';
import { AfterCommitJobs, JobWriteChain } from '../after-commit-jobs';
import { ReminderStatus, type ReminderEntity } from '../entities/reminder.entity';
import { RemindersRepository } from '../reminders.repository';
import { ReminderPlanner, type PlanOutcome, type SubjectPlan } from '../reminder-planner';
import { ReminderRecipients, type ActiveStaff } from '../reminder-recipients';
import { ReminderSubjects, type ReminderSubjectHandler, type RenderedReminder } from '../reminder-subjects';
import { parseDeadlineOffsetKey, planDeadlineReminders, scheduledKey } from '../rules/deadline-plan';
import type { ReminderPolicy } from '../rules/reminder-policy';
import { addDays, daysBetween } from '../rules/send-time';
import { ReminderSettingsRepository } from '../settings/reminder-settings.repository';
import type { DeadlineForPlan } from './deadline-reminder-rows';
import { DeadlineRemindersRepository } from './deadline-reminders.repository';

export const DEADLINE_SUBJECT = 'deadline';

/** Re-plans run over open deadlines in batches of this many, one transaction per batch. */
export const REPLAN_BATCH = 500;

/**
 * Deadline reminders: planned in the transaction that changes a deadline (DeadlineEvents), re-planned in
 * batches when the policy changes, and rendered by the worker from the deadline as it is when sent.
 */
@Injectable()
export class DeadlineReminders implements OnModuleInit, ReminderSubjectHandler {
  private readonly logger = new Logger('DeadlineReminders');

  constructor(
    private readonly events: DeadlineEvents,
    private readonly subjects: ReminderSubjects,
    private readonly planner: ReminderPlanner,
    private readonly jobs: AfterCommitJobs,
    private readonly settings: ReminderSettingsRepository,
    private readonly recipients: ReminderRecipients,
    private readonly deadlines: DeadlineRemindersRepository,
    private readonly reminders: RemindersRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.subjects.register(DEADLINE_SUBJECT, this);
    this.events.subscribe((manager, changes) => this.onDeadlinesChanged(manager, changes));
  }

  /** Plans, moves or cancels the reminders of the changed deadlines, in the transaction that changed them. */
  async onDeadlinesChanged(manager: EntityManager, changes: DeadlineChange[]): Promise<void> {
    const removed = new Set(changes.filter((c) => c.change === 'removed').map((c) => c.deadlineId));
    const catchUp = new Set(
      changes.filter((c) => c.change !== 'completed' && c.change !== 'removed').map((c) => c.deadlineId),
    );
    const touched = [...new Set(changes.map((c) => c.deadlineId))].filter((id) => !removed.has(id));
    if (removed.size > 0) {
      await this.planner.planForSubjects(
        manager,
        [...removed].map((id) => ({ subject: { type: DEADLINE_SUBJECT, id }, plan: [] })),
      );
    }
    if (touched.length > 0) {
      const { policy } = await this.settings.current(manager);
      await this.planDeadlines(manager, touched, policy, catchUp);
    }
  }

  /**
   * Re-plans the future reminders of every open deadline (due yesterday or later) after a policy change:
   * batches of REPLAN_BATCH deadlines by id, each in its own transaction, a fixed number of queries per batch.
   */
  async replanAll(): Promise<{ deadlines: number } & PlanOutcome> {
    const total = { deadlines: 0, inserted: 0, moved: 0, rearmed: 0, cancelled: 0 };
    const since = addDays(todayIn(this.clock.now(), this.config.firmTimeZone), -1);
    let after = '00000000-0000-0000-0000-000000000000';
    // A batch's jobs are written to Redis while the next batch is planned; all of them before this returns.
    const writes = new JobWriteChain();
    try {
      for (;;) {
        // Each batch reads the policy as saved now: a re-plan overtaken by a newer save applies the newer one.
        const batch = await this.dataSource.transaction(async (manager) => {
          const deadlines = await this.deadlines.listOpenForPlan(since, after, REPLAN_BATCH, manager);
          if (deadlines.length === 0) {
            return null;
          }
          this.jobs.writeThrough(manager, writes);
          const { policy } = await this.settings.current(manager);
          const ids = deadlines.map((d) => d.id);
          return { ids, outcome: await this.planDeadlines(manager, ids, policy, new Set(), deadlines) };
        });
        if (!batch) {
          return total;
        }
        const { ids, outcome } = batch;
        total.deadlines += ids.length;
        total.inserted += outcome.inserted;
        total.moved += outcome.moved;
        total.rearmed += outcome.rearmed;
        total.cancelled += outcome.cancelled;
        after = ids[ids.length - 1];
      }
    } finally {
      await writes.settled();
    }
  }

  /** The subject handler: the email for one deadline reminder, or null when it no longer applies. */
  async render(manager: EntityManager, reminder: ReminderEntity): Promise<RenderedReminder | null> {
    const key = parseDeadlineOffsetKey(reminder.offsetKey);
    if (!key) {
      this.logger.warn(`Reminder ${reminder.id} has an unknown offset ${reminder.offsetKey}; cancelled`);
      return null;
    }
    const deadline = await this.deadlines.findForRender(reminder.subjectId, reminder.recipient, manager);
    if (!deadline || deadline.completedAt !== null || deadline.dueOn !== key.dueOn) {
      return null;
    }
    const user = deadline.recipient;
    if (!user || !user.isActive) {
      return null;
    }
    const today = todayIn(this.clock.now(), this.config.firmTimeZone);
    const daysLeft = daysBetween(today, deadline.dueOn);
    const language = writingLanguageOf(user.languages);
    const common = {
      language,
      recipientName: user.name,
      fileNumber: deadline.fileNumber,
      clientName: deadline.clientName,
      kind: deadline.kind,
      title: deadline.source === DeadlineSource.Manual ? deadline.title : null,
      dueOn: deadline.dueOn,
      daysLeft,
      fileUrl: `${this.config.appUrl}/admin/files/${deadline.fileId}`,
    };
    if ('overdue' in key) {
      if (daysLeft >= 0 || user.role !== StaffRole.Admin) {
        return null;
      }
      const email = overdueEscalationEmail({ ...common, assigneeName: deadline.assigneeName });
      return { ...email, to: user.email, language, kind: 'overdue_escalation' };
    }
    // A reminder that could only go out after the due date is replaced by the overdue escalation.
    if (daysLeft < 0) {
      return null;
    }
    return { ...deadlineReminderEmail(common), to: user.email, language, kind: 'deadline_reminder' };
  }

  private async planDeadlines(
    manager: EntityManager,
    ids: string[],
    policy: ReminderPolicy,
    catchUp: Set<string>,
    /** The deadlines of `ids` as listForPlan reads them, when the caller has them already. */
    read?: DeadlineForPlan[],
  ): Promise<PlanOutcome> {
    const deadlines = read ?? (await this.deadlines.listForPlan(ids, manager));
    const people = [
      ...new Set(deadlines.flatMap((d) => [d.assigneeId, d.consultantId]).filter((id): id is string => !!id)),
    ];
    const roles = [
      ...(policy.escalateOverdue ? [StaffRole.Admin] : []),
      ...(policy.notifyAssistants ? [StaffRole.Assistant] : []),
    ];
    const staff = await this.recipients.activeStaff(manager, people, roles);
    const active = new Map<string, ActiveStaff>(staff.map((s) => [s.id, s]));
    const admins = policy.escalateOverdue
      ? staff.filter((s) => s.role === StaffRole.Admin).map((s) => s.id)
      : [];
    const assistants = policy.notifyAssistants
      ? staff.filter((s) => s.role === StaffRole.Assistant).map((s) => s.id)
      : [];

    const subjects = ids.map((id) => ({ type: DEADLINE_SUBJECT, id }));
    const existing = await this.reminders.lockRowsOf(subjects, manager);
    const scheduled = new Map<string, Map<string, Date>>();
    for (const row of existing) {
      if (row.status === ReminderStatus.Scheduled) {
        const forSubject = scheduled.get(row.subjectId) ?? new Map<string, Date>();
        forSubject.set(scheduledKey(row.offsetKey, row.recipient), row.sendAt);
        scheduled.set(row.subjectId, forSubject);
      }
    }
    const now = this.clock.now();
    const today = todayIn(now, this.config.firmTimeZone);
    const found = new Set(deadlines.map((d) => d.id));
    const items: SubjectPlan[] = deadlines.map((d) => {
      const primary = [d.assigneeId, d.consultantId].find((id) => id && active.has(id));
      return {
        subject: { type: DEADLINE_SUBJECT, id: d.id },
        plan: planDeadlineReminders({
          dueOn: d.dueOn,
          offsets: policy.offsets[d.kind] ?? [],
          isCompleted: d.completedAt !== null,
          recipients: [...(primary ? [primary] : []), ...assistants],
          escalateTo: admins,
          sendHour: policy.sendHour,
          timeZone: this.config.firmTimeZone,
          now,
          today,
          catchUp: catchUp.has(d.id),
          scheduled: scheduled.get(d.id) ?? new Map<string, Date>(),
        }),
      };
    });
    for (const id of ids.filter((i) => !found.has(i))) {
      items.push({ subject: { type: DEADLINE_SUBJECT, id }, plan: [] });
    }
    return this.planner.planForSubjects(manager, items, existing);
  }
}
