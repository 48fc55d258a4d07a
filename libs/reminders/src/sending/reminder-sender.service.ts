import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailService } from '@app/notifications';
import { Clock } from '@app/shared';
import { ReminderEntity, ReminderStatus } from '../entities/reminder.entity';
import { ReminderSubjects } from '../reminder-subjects';

export type SendOutcome = 'sent' | 'cancelled' | 'skipped';

/** Outbox rows of reminder emails carry relatedType `reminder` and relatedId = the reminder's id. */
export const REMINDER_EMAIL_RELATION = 'reminder';

export class ReminderSendError extends Error {}

/**
 * Sends one reminder: claim (`scheduled -> sending`, only when due), re-render from the subject's current state,
 * send through the outbox, mark `sent`. A second run of the same job finds the row claimed or sent and does
 * nothing, so a reminder is sent once however often its job runs.
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
      const sent = await this.mail.send({
        kind: email.kind ?? `${reminder.subjectType}_reminder`,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        icalEvent: email.icalEvent,
        related: { type: REMINDER_EMAIL_RELATION, id: reminder.id },
        idempotencyKey: `reminder-${reminder.id}`,
      });
      await this.finish(reminder.id, {
        status: ReminderStatus.Sent,
        sentAt: sent.sentAt ?? this.clock.now(),
        messageId: sent.messageId,
        lastError: null,
      });
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(reminder.id, {
        status: options.isLastAttempt ? ReminderStatus.Failed : ReminderStatus.Scheduled,
        lastError: message.slice(0, 2000),
        claimedAt: null,
      });
      this.logger.warn(`Reminder ${reminder.id} not sent (${options.isLastAttempt ? 'failed' : 'will retry'}): ${message}`);
      throw error;
    }
  }

  /** `scheduled -> sending` when due; null when another run has it, it is not due, or it no longer exists. */
  private async claim(id: string): Promise<ReminderEntity | null> {
    const now = this.clock.now();
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ReminderEntity)
      .set({ status: ReminderStatus.Sending, claimedAt: now, attempts: () => 'attempts + 1' })
      .where('id = :id AND status = :scheduled AND send_at <= :now', { id, scheduled: ReminderStatus.Scheduled, now })
      .execute();
    if (!result.affected) {
      return null;
    }
    return this.dataSource.manager.findOneBy(ReminderEntity, { id });
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
