import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { EmailStatus, MailService } from '@app/notifications';
import { Clock, decodeKeysetCursor, toPage, type Page } from '@app/shared';
import { AfterCommitJobs } from './after-commit-jobs';
import { ReminderStatus, type ReminderEntity } from './entities/reminder.entity';
import { RemindersRepository } from './reminders.repository';
import { ReminderError, ReminderErrorCode } from './reminders.errors';
import { addDays, sendInstant } from './rules/send-time';
import { REMINDER_EMAIL_RELATION } from './sending/reminder-email-outcomes';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ListRemindersQuery {
  status?: ReminderStatus;
  /** sendAt at or after: an ISO instant, or a day (YYYY-MM-DD: from its start in the firm's zone). */
  from?: string;
  /** sendAt before: an ISO instant, or a day (YYYY-MM-DD: up to the end of that day in the firm's zone). */
  to?: string;
  subjectType?: string;
  subjectId?: string;
  limit: number;
  cursor?: string;
}

/** Who may see which reminders: consultants only those addressed to them; others all. */
export interface ReminderScope {
  recipient?: string;
}

/** Reading reminders and retrying failed ones (staff, through the API). */
/** A reminder as staff lists show it: with the recipient's name and what it is about. */
export type DescribedReminder = ReminderEntity & {
  recipientName: string | null;
  recipientEmail: string;
  about: string | null;
  deadlineKind: string | null;
};

@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly jobs: AfterCommitJobs,
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** By send time, then id; keyset-paginated, one query per page (index on status/recipient + send_at). */
  async list(query: ListRemindersQuery, scope: ReminderScope): Promise<Page<DescribedReminder>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'text']);
    const from = query.from
      ? DAY.test(query.from)
        ? sendInstant(query.from, 0, this.config.firmTimeZone)
        : new Date(query.from)
      : undefined;
    const to = query.to
      ? DAY.test(query.to)
        ? sendInstant(addDays(query.to, 1), 0, this.config.firmTimeZone)
        : new Date(query.to)
      : undefined;
    const rows = await this.reminders.search({
      status: query.status,
      from,
      to,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      recipient: scope.recipient,
      after: after ? [after[0], after[1]] : undefined,
      limit: query.limit + 1,
    });
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.sendAt.toISOString(), r.id],
      (r) => r,
    );
    const descriptions = new Map(
      (await this.reminders.describe(page.items.map((r) => r.id))).map((d) => [d.id, d]),
    );
    return {
      items: page.items.map((reminder) => {
        const d = descriptions.get(reminder.id);
        return {
          ...reminder,
          recipientName: d?.recipientName ?? d?.recipientClientName ?? null,
          recipientEmail: d?.recipientEmail ?? reminder.recipient,
          about: d?.about ?? null,
          deadlineKind: d?.deadlineKind ?? null,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  async get(id: string, scope: ReminderScope): Promise<ReminderEntity> {
    const row = await this.reminders.findById(id);
    if (!row || (scope.recipient !== undefined && row.recipient !== scope.recipient)) {
      throw new ReminderError(ReminderErrorCode.NotFound, 'No reminder with this id');
    }
    return row;
  }

  /**
   * A `failed` reminder is tried again: when its email ended `failed` in the outbox, that email is sent again (as
   * written, with the same Message-ID) and the reminder is `sending` until the outbox knows the outcome; when it
   * failed before any email was written (it could not be rendered), it goes back to `scheduled` and is rendered
   * now. Anything else is a 409.
   */
  async retry(id: string, scope: ReminderScope): Promise<ReminderEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.reminders.lockById(id, manager);
      if (!row || (scope.recipient !== undefined && row.recipient !== scope.recipient)) {
        throw new ReminderError(ReminderErrorCode.NotFound, 'No reminder with this id');
      }
      if (row.status !== ReminderStatus.Failed) {
        throw new ReminderError(
          ReminderErrorCode.NotRetryable,
          `Only a failed reminder can be retried; this one is ${row.status}`,
        );
      }
      const [email] = await this.mail.findByRelated(REMINDER_EMAIL_RELATION, [id]);
      if (email?.status === EmailStatus.Failed && (await this.mail.requeueFailed(manager, email.id))) {
        await this.reminders.markSending(id, this.clock.now(), manager);
      } else {
        await this.reminders.markScheduled(id, manager);
        await this.jobs.add(manager, [{ id, sendAt: row.sendAt }], { replace: true });
      }
      return this.reminders.requireById(id, manager);
    });
  }
}
