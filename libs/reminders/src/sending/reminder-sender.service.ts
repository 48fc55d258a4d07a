import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailService } from '@app/notifications';
import { Clock } from '@app/shared';
import { ReminderStatus } from '../entities/reminder.entity';
import { ReminderSubjects } from '../reminder-subjects';
import { REMINDER_EMAIL_RELATION } from './reminder-email-outcomes';
import { ReminderSendingRepository } from './reminder-sending.repository';

/** `queued`: its email is in the outbox, which owns its delivery (first tried at once); the reminder becomes `sent` or `failed` with it. */
export type SendOutcome = 'queued' | 'cancelled' | 'skipped';

export class ReminderSendError extends Error {}

/**
 * Sends one reminder: claim (`scheduled -> sending`, only when due), re-render from the subject's current state,
 * then write the email to the outbox while the row is still ours (one statement) and hand it to SMTP from this run,
 * without a second job (the outbox's queue only takes over a retry). The row stays `sending` until
 * the outbox knows the email's fate: ReminderEmailOutcomes marks it `sent` with the SMTP Message-ID when the
 * server accepts it, or `failed` with the reason. A second run of the same job finds the row claimed and does
 * nothing, so a reminder writes one email however often its job runs.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger('ReminderSender');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: ReminderSendingRepository,
    private readonly subjects: ReminderSubjects,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * `isLastAttempt`: a failure now ends the row `failed`; otherwise it goes back to `scheduled` and the error is
   * rethrown so the queue retries it after its backoff.
   */
  async send(reminderId: string, options: { isLastAttempt: boolean }): Promise<SendOutcome> {
    const reminder = await this.reminders.claimDueForSending(reminderId, this.clock.now());
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
        await this.reminders.finishSending(reminder.id, {
          status: ReminderStatus.Cancelled,
          claimedAt: null,
        });
        return 'cancelled';
      }
      // The email is written only if the row is still claimed by this run (the sweep may have taken back a row
      // whose worker looked dead), in the same statement: one email per reminder. It is delivered from here at once;
      // from the write on, the outbox owns the delivery and the reminder follows its outcome.
      const delivery = await this.mail.deliverNowIf(
        this.reminders.claimStillHeld(reminder.id, reminder.claimedAt),
        {
          kind: email.kind ?? `${reminder.subjectType}_reminder`,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          icalEvent: email.icalEvent,
          related: { type: REMINDER_EMAIL_RELATION, id: reminder.id },
          idempotencyKey: `reminder-${reminder.id}`,
        },
      );
      return delivery ? 'queued' : 'skipped';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.reminders.finishSending(reminder.id, {
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
}
