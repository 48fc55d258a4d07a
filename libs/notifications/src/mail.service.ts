import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  CommonErrorCode,
  decodeKeysetCursor,
  DomainError,
  FieldEncryption,
  toPage,
  type Page,
} from '@app/shared';
import { EmailEntity, EmailStatus } from './entities/email.entity';
import { hideSecret, OUTBOX_SECRET_CONTEXT } from './outbox-secret';
import { EmailQueue } from './outbox/email-queue';
import { EmailsRepository } from './outbox/emails.repository';
import { OutboxJobs } from './outbox/outbox-jobs';
import type { GuardStatement } from './outbox/email-rows';
import { OutboxSender, type DeliveryOutcome } from './outbox/outbox-sender';

export interface OutgoingEmail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename?: string };
  related?: { type: string; id: string };
  /**
   * A stable id for this email (e.g. `reminder-<id>`): the Message-ID becomes `<key@host>`, so a retried
   * send is recognisable as the same message.
   */
  idempotencyKey?: string;
  /**
   * A value inside the content that only the recipient may see (a manage link's token): the outbox shows
   * `[hidden]` in its place and keeps it encrypted until the email has left.
   */
  secret?: string;
}

export class EmailNotFoundError extends DomainError<CommonErrorCode.NotFound> {
  constructor() {
    super(CommonErrorCode.NotFound, 'Email not found');
  }
}

export class EmailNotRetryableError extends DomainError<CommonErrorCode.Conflict> {
  constructor(status: EmailStatus) {
    super(CommonErrorCode.Conflict, `Only a failed email can be sent again; this one is ${status}`);
  }
}

/**
 * The outbox: every email the product sends is written here, `pending`, in the transaction of the change that
 * causes it (enqueue); its delivery job follows the commit, and the worker's OutboxSender hands it to SMTP.
 */
@Injectable()
export class MailService {
  private readonly host: string;
  private readonly encryption: FieldEncryption;
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly emails: EmailsRepository,
    private readonly config: AppConfig,
    private readonly sender: OutboxSender,
    private readonly jobs: OutboxJobs,
    private readonly queue: EmailQueue,
  ) {
    this.host = new URL(config.appUrl).hostname || 'permitdesk.local';
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /** The Message-ID of an email with this key: on the APP_URL domain, the same on every attempt. */
  messageIdOf(key: string): string {
    return `<${key}@${this.host}>`;
  }

  /**
   * Writes the email `pending` with the manager (inside its transaction: the email exists exactly when the change
   * that causes it commits); its delivery job is added after the commit. Nothing is sent here.
   */
  async enqueue(manager: EntityManager, email: OutgoingEmail): Promise<EmailEntity> {
    const [row] = await this.enqueueAll(manager, [email]);
    return row;
  }

  /** enqueue for the emails of one change (a booking's to the client and to the consultant): one statement. */
  async enqueueAll(manager: EntityManager, emails: OutgoingEmail[]): Promise<EmailEntity[]> {
    if (emails.length === 0) {
      return [];
    }
    const rows = emails.map((email) => this.newRow(email));
    const createdAt = await this.emails.insertPending(rows, manager);
    for (const row of rows) {
      row.createdAt = createdAt.get(row.id) as Date;
      await this.jobs.add(manager, row.id);
    }
    return rows;
  }

  /**
   * Writes the email and delivers it from this process at once instead of through the queue: written already
   * claimed (`sending`) only when `guard` returns a row, in the same statement (null when it returns none: nothing
   * written), then handed to SMTP. The outcomes are the queue's: a temporary failure leaves it `pending` with its
   * job; a process that dies before the outcome is recorded leaves it `sending`, taken back by the sweep once its
   * acknowledgement window has passed. Throws only when the email could not be written.
   */
  async deliverNowIf(guard: GuardStatement, email: OutgoingEmail): Promise<DeliveryOutcome | null> {
    const row = this.newRow(email);
    const claimed = await this.emails.insertClaimedIf(guard, row, this.sender.claimWindow());
    if (!claimed) {
      return null;
    }
    try {
      const result = await this.sender.deliverClaimed(claimed);
      if (result.outcome === 'retry') {
        await this.scheduleRetry(claimed.id, result.retryInMs);
      }
      return result;
    } catch (error) {
      // Recording the outcome failed (the database went away): the row stays `sending` for the sweep.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Email ${claimed.id}: outcome not recorded (the sweep settles it): ${message}`);
      return { outcome: 'unknown', error: message };
    }
  }

  /** A new row as `email` is written: content with its secret hidden, the secret encrypted, its Message-ID. */
  private newRow(email: OutgoingEmail): EmailEntity {
    const hide = (content: string) => (email.secret ? hideSecret(content, email.secret) : content);
    const row = Object.assign(new EmailEntity(), {
      kind: email.kind,
      to: email.to,
      subject: hide(email.subject),
      text: hide(email.text),
      html: email.html === undefined ? null : hide(email.html),
      icalEvent: email.icalEvent ? hide(email.icalEvent.content) : null,
      secret: email.secret ? this.encryption.encrypt(email.secret, OUTBOX_SECRET_CONTEXT) : null,
      relatedType: email.related?.type ?? null,
      relatedId: email.related?.id ?? null,
      status: EmailStatus.Pending,
      messageId: null as string | null,
      error: null,
      sentAt: null,
      attempts: 0,
      claimedAt: null,
      nextAttemptAt: null,
    });
    row.id = randomUUID();
    row.messageId = this.messageIdOf(email.idempotencyKey ?? row.id);
    return row;
  }

  /**
   * Sends a failed email again now, as it was first written (its secret put back, the same Message-ID), from the
   * calling process; a temporary failure leaves it `pending` with its job for the worker. Returns the row after.
   */
  async retry(id: string): Promise<EmailEntity> {
    const row = await this.emails.findById(id);
    if (!row) {
      throw new EmailNotFoundError();
    }
    if (row.status !== EmailStatus.Failed) {
      throw new EmailNotRetryableError(row.status);
    }
    await this.emails.requeueFailed(id);
    const result = await this.sender.deliver(id);
    if (result.outcome === 'retry') {
      await this.scheduleRetry(id, result.retryInMs);
    }
    return this.emails.requireById(id);
  }

  /** The job of a `pending` row's next try; without Redis, the sweep adds it. */
  private async scheduleRetry(id: string, delayMs: number): Promise<void> {
    await this.queue.schedule([{ id, delayMs }]).catch((error: unknown) => {
      this.logger.warn(
        `Email ${id}: retry job not added (the sweep will add it): ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  /**
   * A `failed` email back to `pending` with fresh attempts, in the caller's transaction; its delivery job follows the
   * commit and the worker sends it (as first written, with the same Message-ID). False when it is not `failed`.
   */
  async requeueFailed(manager: EntityManager, id: string): Promise<boolean> {
    const updated = await this.emails.requeueFailed(id, manager);
    if (updated) {
      await this.jobs.add(manager, id);
    }
    return updated;
  }

  async list(query: {
    limit: number;
    cursor?: string;
    kind?: string;
    status?: EmailStatus;
    to?: string;
  }): Promise<Page<EmailEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.emails.search({
      kind: query.kind,
      status: query.status,
      to: query.to,
      after,
      limit: query.limit + 1,
    });
    return toPage(
      rows,
      query.limit,
      (e) => [e.createdAt.toISOString(), e.id],
      (e) => e,
    );
  }

  /**
   * The outbox rows of these related records, whatever their state, newest first per record: how a reminder
   * sender killed mid-way learns whether it had handed its email to the outbox (which then owns its delivery).
   */
  findByRelated(relatedType: string, relatedIds: string[]): Promise<EmailEntity[]> {
    return this.emails.findByRelated(relatedType, relatedIds);
  }
}
