import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { isDatabaseUnavailable } from '@app/database';
import { Clock, FieldEncryption } from '@app/shared';
import { EmailStatus } from '../entities/email.entity';
import { EmailOutcomes } from './email-outcomes';
import type { ClaimedEmailRow } from './email-rows';
import { EmailsRepository } from './emails.repository';
import { classifyDeliveryError, MailTransport, type TransportMessage } from '../mail-transport';
import { OUTBOX_SECRET_CONTEXT, revealSecret, revealSecretInCalendar } from '../outbox-secret';

export type DeliveryOutcome =
  /** Accepted by the SMTP server (or logged without SMTP_URL), and recorded. */
  | { outcome: 'sent'; messageId: string }
  /** Refused for good, or the last attempt failed: the row is `failed` with the reason. */
  | { outcome: 'failed'; error: string }
  /** A temporary failure: the row is `pending` again, due in `retryInMs`. */
  | { outcome: 'retry'; error: string; retryInMs: number }
  /** The server may have accepted it: the row stays `sending` until the acknowledgement window has passed. */
  | { outcome: 'unknown'; error: string }
  /** Not `pending` (another sender has it, or it is done): nothing was sent. */
  | { outcome: 'skipped' };

const RECORD_FIRST_DELAY_MS = 500;
const RECORD_MAX_DELAY_MS = 15_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Delivers one outbox row: claim (`pending -> sending`, a conditional update, so a job that runs twice sends
 * once), hand it to the transport with its stored Message-ID and its secret put back, then record the outcome:
 * `sent` (the secret dropped), `pending` again after a temporary failure (with its next try), `failed` after a
 * permanent one or the last attempt, or left `sending` when the outcome is unknown (not sent again within the
 * acknowledgement window). A send the server accepted is never repeated because recording it failed: the
 * UPDATE is retried, with back-off, until the database answers.
 */
@Injectable()
export class OutboxSender {
  private readonly logger = new Logger('OutboxSender');
  private readonly encryption: FieldEncryption;
  private readonly host: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly emails: EmailsRepository,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outcomes: EmailOutcomes,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
    this.host = new URL(config.appUrl).hostname || 'permitdesk.local';
  }

  /** The back-off before attempt `attempts + 1`: EMAIL_BACKOFF_MS, doubling. */
  backoffMs(attempts: number): number {
    return this.config.emails.backoffMs * 2 ** Math.max(0, attempts - 1);
  }

  async deliver(id: string): Promise<DeliveryOutcome> {
    const { now, ackUntil } = this.claimWindow();
    const row = await this.emails.claimForSending(id, now, ackUntil);
    if (!row) {
      return { outcome: 'skipped' };
    }
    return this.deliverClaimed(row);
  }

  /** A claim made now: its time, and the end of its acknowledgement window. */
  claimWindow(): { now: Date; ackUntil: Date } {
    const now = this.clock.now();
    return { now, ackUntil: new Date(now.getTime() + this.config.emails.ackWindowMs) };
  }

  /** Hands a row this process has claimed (`sending`) to the transport, then records the outcome. */
  async deliverClaimed(row: ClaimedEmailRow): Promise<DeliveryOutcome> {
    const messageId = row.message_id ?? `<${row.id}@${this.host}>`;
    let message: TransportMessage;
    let accepted: string;
    try {
      message = this.message(row, messageId);
      accepted = await this.transport.deliver(message);
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await this.recordSent(row, accepted || messageId);
    return { outcome: 'sent', messageId: accepted || messageId };
  }

  /** The email as first written: its secret, if any, decrypted and put back in place. */
  private message(row: ClaimedEmailRow, messageId: string): TransportMessage {
    const secret = row.secret ? this.encryption.decrypt(row.secret, OUTBOX_SECRET_CONTEXT) : null;
    const reveal = (content: string) => (secret ? revealSecret(content, secret) : content);
    return {
      from: this.config.mailFrom,
      to: row.to,
      subject: reveal(row.subject),
      text: reveal(row.text),
      html: row.html === null ? undefined : reveal(row.html),
      messageId,
      icalEvent:
        row.ical_event === null
          ? undefined
          : {
              method: calendarMethod(row.ical_event),
              content: secret ? revealSecretInCalendar(row.ical_event, secret) : row.ical_event,
              filename: 'invite.ics',
            },
    };
  }

  /**
   * `sent`, the Message-ID and the time; the secret dropped. When the database does not answer, the UPDATE (never
   * the send) is retried with back-off while the row stays `sending` (the sweep leaves a row alone while its
   * job's lock is held, and for the acknowledgement window after that); each step is logged.
   */
  private async recordSent(row: ClaimedEmailRow, messageId: string): Promise<void> {
    const id = row.id;
    const status = this.transport.delivers ? EmailStatus.Sent : EmailStatus.Logged;
    const started = Date.now();
    let delay = RECORD_FIRST_DELAY_MS;
    let tellFeature = true;
    for (let failures = 0; ; failures += 1) {
      try {
        const at = this.clock.now();
        const listener = tellFeature ? this.listener(row) : undefined;
        const outcome = {
          emailId: id,
          relatedId: row.related_id as string,
          attempts: row.attempts,
          at,
          messageId,
        };
        if (listener?.sentStatement) {
          await this.emails.markSentThen(id, status, messageId, at, listener.sentStatement(outcome));
        } else {
          await this.dataSource.transaction(async (manager) => {
            const updated = await this.emails.markSent(id, status, messageId, at, manager);
            if (updated) {
              await listener?.sent(manager, outcome);
            }
          });
        }
        if (failures > 0) {
          this.logger.log(
            `Email ${id}: recorded as ${status} after ${failures} failed attempt(s) over ${Math.round((Date.now() - started) / 1000)} s (accepted as ${messageId}; not sent again)`,
          );
        }
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error) && tellFeature && this.listener(row)) {
          // The feature's bookkeeping failed, not the database: the email's own outcome is recorded without it (a
          // send the server accepted must not be repeated); the feature's sweep settles its record from the outbox.
          this.logger.error(
            `Email ${id}: the ${row.related_type} listener failed on "sent" (${messageOf(error)}); recording the email alone`,
          );
          tellFeature = false;
          failures -= 1;
          continue;
        }
        if (failures === 0) {
          this.logger.warn(
            `Email ${id} was accepted by the SMTP server as ${messageId}, but recording it failed (${messageOf(error)}); ` +
              'retrying the bookkeeping, not the send',
          );
        }
        if (Date.now() - started + delay > this.config.emails.ackWindowMs) {
          this.logger.error(
            `Email ${id} (accepted as ${messageId}) could not be recorded as ${status} within the acknowledgement window: ` +
              `it stays "sending" and may be sent once more, with the same Message-ID: ${messageOf(error)}`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RECORD_MAX_DELAY_MS);
      }
    }
  }

  private listener(row: ClaimedEmailRow) {
    return row.related_id === null ? undefined : this.outcomes.get(row.related_type);
  }

  private async recordFailure(row: ClaimedEmailRow, error: unknown): Promise<DeliveryOutcome> {
    const failure = classifyDeliveryError(error);
    const reason = failure.message.slice(0, 2000);
    const now = this.clock.now();
    if (failure.kind === 'unknown') {
      const until = new Date(now.getTime() + this.config.emails.ackWindowMs);
      const text = `Outcome unknown (${reason}): the server may have accepted it; not sent again before ${until.toISOString()}`;
      await this.update(row, { status: EmailStatus.Sending, error: text, nextAttemptAt: until });
      this.logger.warn(`Email ${row.id}: ${text}`);
      return { outcome: 'unknown', error: text };
    }
    if (failure.kind === 'permanent' || row.attempts >= this.config.emails.attempts) {
      const text = failure.kind === 'permanent' ? reason : `${reason} (after ${row.attempts} attempts)`;
      await this.update(row, { status: EmailStatus.Failed, error: text, nextAttemptAt: null });
      this.logger.warn(`Email ${row.id} failed: ${text}`);
      return { outcome: 'failed', error: text };
    }
    const retryInMs = this.backoffMs(row.attempts);
    await this.update(row, {
      status: EmailStatus.Pending,
      error: reason,
      nextAttemptAt: new Date(now.getTime() + retryInMs),
    });
    this.logger.warn(
      `Email ${row.id} not sent (attempt ${row.attempts}, next in ${Math.round(retryInMs / 1000)} s): ${reason}`,
    );
    return { outcome: 'retry', error: reason, retryInMs };
  }

  /** Records a failed attempt; a `failed` email's feature hears of it in the same transaction. */
  private async update(
    row: ClaimedEmailRow,
    patch: { status: EmailStatus; error: string; nextAttemptAt: Date | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const updated = await this.emails.recordAttempt(row.id, patch, manager);
      if (updated && patch.status === EmailStatus.Failed) {
        await this.listener(row)?.failed(manager, {
          emailId: row.id,
          relatedId: row.related_id as string,
          attempts: row.attempts,
          at: this.clock.now(),
          error: patch.error,
        });
      }
    });
  }
}

/** The METHOD of a stored invite (REQUEST when it names none). */
function calendarMethod(ics: string): 'REQUEST' | 'CANCEL' | 'PUBLISH' {
  const method = /^METHOD:(\w+)/m.exec(ics)?.[1];
  return method === 'CANCEL' || method === 'PUBLISH' ? method : 'REQUEST';
}
