import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { StaffRole, UsersService, writingLanguageOf } from '@app/auth';
import { AppConfig } from '@app/config';
import { deadlineDigestEmail, type DigestItem } from '@app/notifications';
import { Clock } from '@app/shared';
import { DeadlineSource, todayIn, type DeadlineEntity } from '@app/work-permits';
import { ReminderStatus, type ReminderEntity } from '../entities/reminder.entity';
import { ReminderPlanner, type PlannedReminder, type SubjectPlan } from '../reminder-planner';
import { RemindersRepository } from '../reminders.repository';
import { ReminderRecipients } from '../reminder-recipients';
import { ReminderSubjects, type ReminderSubjectHandler, type RenderedReminder } from '../reminder-subjects';
import { addDays, daysBetween, sendInstant } from '../rules/send-time';
import { ReminderSettingsRepository } from '../settings/reminder-settings.repository';
import { DeadlineDigestsRepository } from './deadline-digests.repository';

export const DIGEST_SUBJECT = 'deadline_digest';
/** Days the digest looks ahead, today included. */
export const DIGEST_DAYS = 14;
/** A digest missed at the send hour (workers down) still goes out within this many hours; later it is skipped. */
export const DIGEST_CATCH_UP_HOURS = 4;
/** Items listed in one digest; the rest are counted. */
export const DIGEST_MAX_ITEMS = 100;

export const digestKeyOf = (day: string) => `daily@${day}`;

/**
 * The consultants' daily digests, as reminder rows like any other (subject = the consultant, offsetKey =
 * `daily@<day>`), so they are sent once, retried, swept and listed the same way. The sweep plans today's and
 * tomorrow's; rendering returns null (row `cancelled`, no email) when the consultant has nothing.
 */
@Injectable()
export class DeadlineDigests implements OnModuleInit, ReminderSubjectHandler {
  constructor(
    private readonly subjects: ReminderSubjects,
    private readonly planner: ReminderPlanner,
    private readonly settings: ReminderSettingsRepository,
    private readonly recipients: ReminderRecipients,
    private readonly users: UsersService,
    private readonly deadlines: DeadlineDigestsRepository,
    private readonly reminders: RemindersRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.subjects.register(DIGEST_SUBJECT, this);
  }

  /** Plans each active consultant's digest for today (unless too late) and tomorrow. Idempotent. */
  async planUpcoming(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const { policy } = await this.settings.current(manager);
      const consultants = (await this.recipients.activeStaff(manager, [], [StaffRole.Consultant])).map(
        (s) => s.id,
      );
      if (consultants.length === 0) {
        return 0;
      }
      const subjects = consultants.map((id) => ({ type: DIGEST_SUBJECT, id }));
      const existing = await this.reminders.lockRowsOf(subjects, manager);
      const now = this.clock.now();
      const today = todayIn(now, this.config.firmTimeZone);
      const items: SubjectPlan[] = consultants.map((id) => {
        const plan: PlannedReminder[] = [];
        if (policy.dailyDigest) {
          for (const day of [today, addDays(today, 1)]) {
            const sendAt = sendInstant(day, policy.sendHour, this.config.firmTimeZone);
            const row = existing.find((r) => r.subjectId === id && r.offsetKey === digestKeyOf(day));
            const inTime = now.getTime() - sendAt.getTime() < DIGEST_CATCH_UP_HOURS * 3_600_000;
            if (!row) {
              if (inTime) {
                plan.push({ offsetKey: digestKeyOf(day), recipient: id, sendAt });
              }
            } else if (row.status === ReminderStatus.Scheduled) {
              // A send hour changed by an admin moves a digest not sent yet.
              plan.push({
                offsetKey: digestKeyOf(day),
                recipient: id,
                sendAt: sendAt > now ? sendAt : row.sendAt,
              });
            }
            // Sent, failed or cancelled (nothing to report) digests stay as they are: one per day.
          }
        }
        return { subject: { type: DIGEST_SUBJECT, id }, plan };
      });
      const outcome = await this.planner.planForSubjects(manager, items, existing);
      return outcome.inserted + outcome.rearmed;
    });
  }

  async render(manager: EntityManager, reminder: ReminderEntity): Promise<RenderedReminder | null> {
    const day = /^daily@(\d{4}-\d{2}-\d{2})$/.exec(reminder.offsetKey)?.[1];
    const today = todayIn(this.clock.now(), this.config.firmTimeZone);
    // A digest for another day than today is stale (today's replaces it).
    if (day !== today) {
      return null;
    }
    const user = await this.users.findActive(reminder.recipient, manager);
    if (!user) {
      return null;
    }
    const until = addDays(today, DIGEST_DAYS - 1);
    const rows = await this.deadlines.listOpenDueBy(user.id, until, DIGEST_MAX_ITEMS + 1, manager);
    if (rows.length === 0) {
      return null;
    }
    const total =
      rows.length > DIGEST_MAX_ITEMS
        ? await this.deadlines.countOpenDueBy(user.id, until, manager)
        : rows.length;
    const shown = rows.slice(0, DIGEST_MAX_ITEMS);
    const item = (d: DeadlineEntity): DigestItem => ({
      fileNumber: d.file.fileNumber,
      clientName: `${d.file.client.firstName} ${d.file.client.lastName}`.trim(),
      kind: d.kind,
      title: d.source === DeadlineSource.Manual ? d.title : null,
      dueOn: d.dueOn,
      daysLeft: daysBetween(today, d.dueOn),
      fileUrl: `${this.config.appUrl}/admin/files/${d.fileId}`,
    });
    const overdue = shown.filter((d) => d.dueOn < today).map(item);
    const days: { day: string; items: DigestItem[] }[] = [];
    for (const d of shown.filter((x) => x.dueOn >= today)) {
      const last = days[days.length - 1];
      if (last?.day === d.dueOn) {
        last.items.push(item(d));
      } else {
        days.push({ day: d.dueOn, items: [item(d)] });
      }
    }
    const language = writingLanguageOf(user.languages);
    const email = deadlineDigestEmail({
      language,
      recipientName: user.name,
      today,
      overdue,
      days,
      more: total - shown.length,
      listUrl: `${this.config.appUrl}/admin/deadlines`,
    });
    return { ...email, to: user.email, language, kind: 'deadline_digest' };
  }
}
