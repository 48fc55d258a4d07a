import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@app/database';
import { MailService } from '@app/notifications';
import { Clock } from '@app/shared';
import { ReminderEntity, ReminderStatus } from '../entities/reminder.entity';
import { ReminderSubjects } from '../reminder-subjects';

import { REMINDER_EMAIL_RELATION } from './reminder-email-outcomes';

/** `queued`: its email is in the outbox, which delivers it; the reminder becomes `sent` or `failed` with it. */
export type SendOutcome = 'queued' | 'cancelled' | 'skipped';

export class ReminderSendError extends Error {}

/**
 * A reminders row as `RETURNING ${REMINDER_COLUMNS}` gives it. Listed rather than `*`: a column added later must not
 * change the result of a statement already prepared on a pooled connection.
 */
interface ReminderRow {
  id: string;
  subject_type: string;
  subject_id: string;
  offset_key: string;
  recipient: string;
  send_at: Date;
  status: ReminderStatus;
  attempts: number;
  last_error: string | null;
  claimed_at: Date | null;
  sent_at: Date | null;
  message_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const REMINDER_COLUMNS =
  'id, subject_type, subject_id, offset_key, recipient, send_at, status, attempts, last_error, claimed_at, sent_at, message_id, created_at, updated_at';

function toReminder(row: ReminderRow): ReminderEntity {
  return Object.assign(new ReminderEntity(), {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    offsetKey: row.offset_key,
    recipient: row.recipient,
    sendAt: row.send_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    claimedAt: row.claimed_at,
    sentAt: row.sent_at,
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/**
 * Sends one reminder: claim (`scheduled -> sending`, only when due), re-render from the subject's current state,
 * then write the email to the outbox while the row is still ours (one transaction). The row stays `sending` until
 * the outbox knows the email's fate: ReminderEmailOutcomes marks it `sent` with the SMTP Message-ID when the
 * server accepts it, or `failed` with the reason. A second run of the same job finds the row claimed and does
 * nothing, so a reminder writes one email however often its job runs.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger('ReminderSender');

  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: ReminderSubjects,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * `isLastAttempt`: a failure now ends the row `failed`; otherwise it goes back to `scheduled` and the error is
   * rethrown so the queue retries it after its backoff.
   */
  async send(reminderId: string, options: { isLastAttempt: boolean }): Promise<SendOutcome> {
    const reminder = await this.claim(reminderId);
    if (!reminder) {
      return 'skipped';
    }
    try {
      const handler = this.subjects.get(reminder.subjectType);
      if (!handler) {
        throw new ReminderSendError(`No reminder handler is registered for "${reminder.subjectType}"`);
      }
      const email = await handler.render(this.dataSource.manager, reminder);
      if (!email) {
        await this.finish(reminder.id, { status: ReminderStatus.Cancelled, claimedAt: null });
        return 'cancelled';
      }
      // The email is written to the outbox only if the row is still claimed by this run (the sweep may have taken
      // back a row whose worker looked dead): one email per reminder. From here the outbox owns the delivery.
      const queued = await this.dataSource.transaction(async (manager) => {
        const [, claimed] = (await manager.query(
          `UPDATE reminders SET last_error = NULL, updated_at = CURRENT_TIMESTAMP
            WHERE id = $1 AND status = $2 AND claimed_at = $3`,
          [reminder.id, ReminderStatus.Sending, reminder.claimedAt],
        )) as [unknown, number];
        if (!claimed) {
          return false;
        }
        await this.mail.enqueue(manager, {
          kind: email.kind ?? `${reminder.subjectType}_reminder`,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          icalEvent: email.icalEvent,
          related: { type: REMINDER_EMAIL_RELATION, id: reminder.id },
          idempotencyKey: `reminder-${reminder.id}`,
        });
        return true;
      });
      return queued ? 'queued' : 'skipped';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(reminder.id, {
        status: options.isLastAttempt ? ReminderStatus.Failed : ReminderStatus.Scheduled,
        lastError: message.slice(0, 2000),
        claimedAt: null,
      });
      this.logger.warn(
        `Reminder ${reminder.id} not sent (${options.isLastAttempt ? 'failed' : 'will retry'}): ${message}`,
      );
      throw error;
    }
  }

  /** `scheduled -> sending` when due; null when another run has it, it is not due, or it no longer exists. */
  private async claim(id: string): Promise<ReminderEntity | null> {
    const now = this.clock.now();
    const rows = await preparedQuery<ReminderRow>(
      this.dataSource,
      `UPDATE reminders
          SET status = $2, claimed_at = $3, attempts = attempts + 1, updated_at = CURRENT_TIMESTAMP
        WHERE id = $1 AND status = $4 AND send_at <= $3
        RETURNING ${REMINDER_COLUMNS}`,
      [id, ReminderStatus.Sending, now, ReminderStatus.Scheduled],
    );
    return rows.length > 0 ? toReminder(rows[0]) : null;
  }

  /** Leaves `sending` for the given state; does nothing if the sweep already recovered the row. */
  private async finish(id: string, patch: Partial<ReminderEntity>): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ReminderEntity)
      .set(patch)
      .where('id = :id AND status = :sending', { id, sending: ReminderStatus.Sending })
      .execute();
  }
}
