import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GuardStatement } from './email-rows';

/** An outbox email's final outcome, as told to the feature that caused it (by its `related` type and id). */
export interface EmailOutcome {
  emailId: string;
  /** The `related.id` the email was written with (e.g. the reminder's id). */
  relatedId: string;
  /** Delivery attempts so far. */
  attempts: number;
  at: Date;
}

export interface EmailSent extends EmailOutcome {
  /** The Message-ID the SMTP server accepted (or the stored one, when only logged without SMTP_URL). */
  messageId: string;
}

export interface EmailFailed extends EmailOutcome {
  /** Why: the server's answer, or the last temporary failure after the last attempt. */
  error: string;
}

/**
 * What a feature does when one of its emails is accepted by SMTP or ends `failed`. Runs inside the transaction
 * that records the email's outcome, so the email and the feature's record of it change together.
 */
export interface EmailOutcomeListener {
  sent(manager: EntityManager, outcome: EmailSent): Promise<void>;
  /**
   * Optional: what `sent` does, as a data-modifying statement run in the same statement as the email's own
   * update (one round trip instead of a transaction). It reads the CTE `email` (the row just marked sent, its `id`)
   * and must change nothing when `email` has no row.
   */
  sentStatement?(outcome: EmailSent): GuardStatement;
  failed(manager: EntityManager, outcome: EmailFailed): Promise<void>;
}

/**
 * The outbox's outcome hook, keyed by the email's related type (`reminder`, ...): features that need to know how
 * their emails ended register a listener in onModuleInit, and notifications stays ignorant of them (features
 * depend on notifications, never the other way).
 */
@Injectable()
export class EmailOutcomes {
  private readonly listeners = new Map<string, EmailOutcomeListener>();

  register(relatedType: string, listener: EmailOutcomeListener): void {
    if (this.listeners.has(relatedType)) {
      throw new Error(`An email outcome listener for "${relatedType}" is already registered`);
    }
    this.listeners.set(relatedType, listener);
  }

  get(relatedType: string | null): EmailOutcomeListener | undefined {
    return relatedType === null ? undefined : this.listeners.get(relatedType);
  }
}
