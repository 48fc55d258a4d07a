import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { preparedQuery } from '@app/database';
import { Clock, CommonErrorCode, decodeCursor, DomainError, FieldEncryption, toPage, type Page } from '@app/shared';
import { EmailEntity, EmailStatus } from './entities/email.entity';
import { MailTransport, type TransportMessage } from './mail-transport';
import { hideSecret, OUTBOX_SECRET_CONTEXT, revealSecret, revealSecretInCalendar } from './outbox-secret';

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

export class MailDeliveryError extends Error {
  constructor(
    readonly email: EmailEntity,
    cause: unknown,
  ) {
    super(`Email to ${email.to} was not accepted: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Writes every email to the outbox, then hands it to the transport and records what happened. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly host: string;
  private readonly encryption: FieldEncryption;

  constructor(
    @InjectRepository(EmailEntity) private readonly emails: Repository<EmailEntity>,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.host = new URL(config.appUrl).hostname || 'permitdesk.local';
    this.encryption = new FieldEncryption(config.dataEncryptionKey);
  }

  /**
   * Sends one email; throws MailDeliveryError (after recording it) when the SMTP server refuses it.
   * The outbox row is written `pending` before the hand-over to SMTP, then updated with the outcome: one INSERT and
   * one UPDATE by id, no entity reload.
   */
  async send(email: OutgoingEmail): Promise<EmailEntity> {
    const row = await this.insertPending(email);
    return this.deliver(row, {
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${email.idempotencyKey ?? row.id}@${this.host}>`,
      icalEvent: email.icalEvent,
    });
  }

  /**
   * Sends a failed email again, as it was first sent (its secret, if any, decrypted and put back in place);
   * throws MailDeliveryError when the SMTP server refuses it again.
   */
  async resend(id: string): Promise<EmailEntity> {
    const row = await this.emails.findOneBy({ id });
    if (!row) {
      throw new EmailNotFoundError();
    }
    if (row.status !== EmailStatus.Failed) {
      throw new EmailNotRetryableError(row.status);
    }
    const secret = row.secret ? this.encryption.decrypt(row.secret, OUTBOX_SECRET_CONTEXT) : null;
    const reveal = (content: string) => (secret ? revealSecret(content, secret) : content);
    return this.deliver(row, {
      from: this.config.mailFrom,
      to: row.to,
      subject: reveal(row.subject),
      text: reveal(row.text),
      html: row.html === null ? undefined : reveal(row.html),
      messageId: `<${row.id}@${this.host}>`,
      icalEvent:
        row.icalEvent === null
          ? undefined
          : { method: calendarMethod(row.icalEvent), content: secret ? revealSecretInCalendar(row.icalEvent, secret) : row.icalEvent },
    });
  }

  /**
   * Hands the message to the transport and records the outcome with one UPDATE by id, no entity reload. Once
   * the email has left, its secret is dropped from the outbox; after a failure it is kept for a resend.
   */
  private async deliver(row: EmailEntity, message: TransportMessage): Promise<EmailEntity> {
    try {
      const accepted = await this.transport.deliver(message);
      row.status = this.transport.delivers ? EmailStatus.Sent : EmailStatus.Logged;
      row.messageId = accepted;
      row.sentAt = this.clock.now();
      row.error = null;
      row.secret = null;
      await preparedQuery(
        this.emails.manager.connection,
        'UPDATE emails SET status = $2, message_id = $3, sent_at = $4, error = NULL, secret = NULL WHERE id = $1',
        [row.id, row.status, row.messageId, row.sentAt],
      );
      return row;
    } catch (error) {
      row.status = EmailStatus.Failed;
      row.error = error instanceof Error ? error.message : String(error);
      await this.emails.query('UPDATE emails SET status = $2, error = $3 WHERE id = $1', [row.id, row.status, row.error]);
      throw new MailDeliveryError(row, error);
    }
  }

  /** The outbox row, `pending`, as inserted (its id and createdAt from the database). */
  private async insertPending(email: OutgoingEmail): Promise<EmailEntity> {
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
      messageId: null,
      error: null,
      sentAt: null,
    });
    const [inserted] = await preparedQuery<{ id: string; created_at: Date }>(
      this.emails.manager.connection,
      `INSERT INTO emails (kind, "to", subject, text, html, ical_event, related_type, related_id, status, secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id, created_at`,
      [row.kind, row.to, row.subject, row.text, row.html, row.icalEvent, row.relatedType, row.relatedId, row.status, row.secret],
    );
    row.id = inserted.id;
    row.createdAt = inserted.created_at;
    return row;
  }

  async list(query: { limit: number; cursor?: string; kind?: string; status?: EmailStatus; to?: string }): Promise<Page<EmailEntity>> {
    const after = decodeCursor(query.cursor, 2);
    const qb = this.emails
      .createQueryBuilder('e')
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit + 1);
    if (query.kind) {
      qb.andWhere('e.kind = :kind', { kind: query.kind });
    }
    if (query.status) {
      qb.andWhere('e.status = :status', { status: query.status });
    }
    if (query.to) {
      qb.andWhere('e.to = :to', { to: query.to });
    }
    if (after) {
      qb.andWhere('(e.createdAt, e.id) < (:at, :id)', { at: after[0], id: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(rows, query.limit, (e) => [e.createdAt.toISOString(), e.id], (e) => e);
  }

  /**
   * The outbox rows of these related records that left (accepted by SMTP, or logged without SMTP), newest
   * first per record: how a sender that was killed mid-send learns whether its email went out.
   */
  async findDelivered(relatedType: string, relatedIds: string[]): Promise<EmailEntity[]> {
    if (relatedIds.length === 0) {
      return [];
    }
    return this.emails
      .createQueryBuilder('e')
      .where('e.relatedType = :relatedType', { relatedType })
      .andWhere('e.relatedId IN (:...relatedIds)', { relatedIds })
      .andWhere('e.status IN (:...statuses)', { statuses: [EmailStatus.Sent, EmailStatus.Logged] })
      .orderBy('e.createdAt', 'DESC')
      .getMany();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}

/** The METHOD of a stored invite (REQUEST when it names none). */
function calendarMethod(ics: string): 'REQUEST' | 'CANCEL' | 'PUBLISH' {
  const method = /^METHOD:(\w+)/m.exec(ics)?.[1];
  return method === 'CANCEL' || method === 'PUBLISH' ? method : 'REQUEST';
}
