import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EmailOutcomes,
  type EmailFailed,
  type EmailOutcomeListener,
  type EmailSent,
} from '@app/notifications';
import { ReminderStatus } from '../entities/reminder.entity';

/** Outbox rows of reminder emails carry relatedType `reminder` and relatedId = the reminder's id. */
export const REMINDER_EMAIL_RELATION = 'reminder';

/**
 * Keeps a reminder's state truthful about its email: `sent` (with the SMTP Message-ID) when the SMTP server accepts
 * it, `failed` (with the reason) when the outbox gives up on it. Runs in the outbox's own transaction, so the email
 * and its reminder change together. A `failed` reminder whose email is sent again (`POST /api/emails/:id/retry`)
 * follows it. Covers every reminder: deadlines, escalations, digests, consultations.
 */
@Injectable()
export class ReminderEmailOutcomes implements EmailOutcomeListener, OnModuleInit {
  constructor(private readonly outcomes: EmailOutcomes) {}

  onModuleInit(): void {
    this.outcomes.register(REMINDER_EMAIL_RELATION, this);
  }

  async sent(manager: EntityManager, email: EmailSent): Promise<void> {
    await manager.query(
      `UPDATE reminders
          SET status = $2, sent_at = $3, message_id = $4, last_error = NULL, attempts = GREATEST(attempts, $5),
              updated_at = CURRENT_TIMESTAMP
        WHERE id = $1 AND status IN ($6, $7)`,
      [
        email.relatedId,
        ReminderStatus.Sent,
        email.at,
        email.messageId,
        email.attempts,
        ReminderStatus.Sending,
        ReminderStatus.Failed,
      ],
    );
  }

  async failed(manager: EntityManager, email: EmailFailed): Promise<void> {
    await manager.query(
      `UPDATE reminders
          SET status = $2, last_error = $3, attempts = GREATEST(attempts, $4), claimed_at = NULL, updated_at = CURRENT_TIMESTAMP
        WHERE id = $1 AND status IN ($5, $6)`,
      [
        email.relatedId,
        ReminderStatus.Failed,
        email.error.slice(0, 2000),
        email.attempts,
        ReminderStatus.Sending,
        ReminderStatus.Failed,
      ],
    );
  }
}
