import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EmailOutcomes,
  type EmailFailed,
  type EmailOutcomeListener,
  type EmailSent,
  type GuardStatement,
} from '@app/notifications';
import { ReminderSendingRepository } from './reminder-sending.repository';

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
  constructor(
    private readonly outcomes: EmailOutcomes,
    private readonly reminders: ReminderSendingRepository,
  ) {}

  onModuleInit(): void {
    this.outcomes.register(REMINDER_EMAIL_RELATION, this);
  }

  sent(manager: EntityManager, email: EmailSent): Promise<void> {
    return this.reminders.markSent(email, manager);
  }

  sentStatement(email: EmailSent): GuardStatement {
    return this.reminders.markSentAfterEmail(email);
  }

  failed(manager: EntityManager, email: EmailFailed): Promise<void> {
    return this.reminders.markFailed(email, manager);
  }
}
